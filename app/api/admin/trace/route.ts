import { z } from "zod";
import { json, readJson } from "@/lib/http/handler";
import { adminRoute } from "@/lib/admin/route";
import { traceLeak } from "@/lib/trace/trace";

export const dynamic = "force-dynamic";

const body = z.object({
  text: z.string({ error: "请粘贴泄露的文字" }).min(1, "请粘贴泄露的文字").max(200_000, "文字太长（上限 20 万字）"),
});

/** A leaked passage → the post, the purchase and the reader it came from (lib/trace). */
export const POST = adminRoute(async (req) => {
  const { text } = await readJson(req, body, 1024 * 1024);
  return json(await traceLeak(text));
});
