import { route } from "@/lib/http/handler";
import { existingReader } from "@/lib/readers/request";
import { readerCookieHeader, verifyRestoreToken } from "@/lib/readers/session";
import { mergeReaders } from "@/lib/readers/purchases";

export const dynamic = "force-dynamic";

/** GET /restore/{token}: unlock this device with the purchases behind a restore link. */
export const GET = route<{ token: string }>(async (req, { params }) => {
  const { token } = await params;
  const readerId = verifyRestoreToken(decodeURIComponent(token));
  const target = new URL(readerId ? "/me?restored=1" : "/me?restored=0", req.url);
  if (!readerId) return Response.redirect(target, 303);
  await mergeReaders(existingReader(req), readerId);
  return new Response(null, {
    status: 303,
    headers: { location: target.pathname + target.search, "set-cookie": readerCookieHeader(readerId, new URL(req.url).protocol === "https:") },
  });
});
