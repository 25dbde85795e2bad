import { z } from "zod";
import { json, owner, readJson } from "@/lib/http/door";
import { traceLeak } from "@/lib/trace/trace";

const body = z.object({
  text: z.string({ error: "请粘贴泄露的文字" }).min(1, "请粘贴泄露的文字").max(200_000, "文字太长（上限 20 万字）"),
});

/** A leaked passage → the post, the purchase and the reader it came from (lib/trace). */
export const POST = owner(async ({ req }) => json(await traceLeak((await readJson(req, body, 1024 * 1024)).text)));
