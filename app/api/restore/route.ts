import { z } from "zod";
import { json, readJson, reader } from "@/lib/http/door";
import { getCookie } from "@/lib/http/cookies";
import { isHttps } from "@/lib/http/origin";
import { confirmRestoreLink } from "@/lib/readers/links";
import { READER_COOKIE, readerCookieHeader } from "@/lib/readers/session";

const body = z.object({ token: z.string().min(1).max(200) });

/**
 * POST /api/restore {token} (the 确认恢复 button on /restore/{token}): this
 * browser takes the link's reader id, if the link is not revoked and has room
 * for one more device (RESTORE_MAX_DEVICES). JSON from this site only.
 */
export const POST = reader(async ({ req }) => {
  const { token } = await readJson(req, body, 2048);
  const { readerId, via } = await confirmRestoreLink(token, getCookie(req, READER_COOKIE));
  return json({ ok: true }, 200, { "set-cookie": readerCookieHeader(readerId, isHttps(req), via) });
});
