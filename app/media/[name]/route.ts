import { AppError } from "@/lib/errors";
import { anyone, segments } from "@/lib/http/door";
import { readImage } from "@/lib/media/store";

/**
 * Uploaded post images. Names are content hashes, so a year of caching is safe;
 * nosniff and a locked-down CSP keep a crafted file from being run as a page.
 */
export const GET = anyone(
  async ({ params }) => {
    const image = await readImage(params.name);
    if (!image) throw new AppError("not_found", "图片不存在。");
    return new Response(new Uint8Array(image.bytes), {
      headers: {
        "content-type": image.contentType,
        "content-length": String(image.bytes.length),
        "cache-control": "public, max-age=31536000, immutable",
        "x-content-type-options": "nosniff",
        "content-security-policy": "default-src 'none'; sandbox",
      },
    });
  },
  { params: segments("name") },
);
