import { z } from "zod";
import { json, owner, readJson } from "@/lib/http/door";
import { revokeRestoreLink } from "@/lib/readers/admin";

const body = z.object({ link: z.string({ error: "请填写恢复链接或读者 ID" }).trim().min(1, "请填写恢复链接或读者 ID").max(500) });

/** Revokes a restore link (a pasted link, a token, or a reader id for their current link). */
export const POST = owner(async ({ req }) => {
  const { link } = await readJson(req, body, 2048);
  return json(await revokeRestoreLink(link));
});
