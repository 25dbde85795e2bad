import { json, route } from "@/lib/http/handler";
import { AppError } from "@/lib/errors";
import { getCookie } from "@/lib/http/cookies";
import { ADMIN_COOKIE, clearedSessionCookie } from "@/lib/admin/auth";
import { endSession } from "@/lib/admin/sessions";
import { sameOrigin } from "@/lib/admin/route";

export const dynamic = "force-dynamic";

// Same-origin only: another site must not be able to sign the owner out.
// The session row is deleted, so a copy of the cookie stops working too.
export const POST = route(async (req) => {
  if (!sameOrigin(req)) throw new AppError("forbidden", "跨站请求被拒绝。");
  await endSession(getCookie(req, ADMIN_COOKIE));
  return json({ ok: true }, 200, { "set-cookie": clearedSessionCookie() });
});
