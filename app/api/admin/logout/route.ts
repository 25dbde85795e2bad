import { anyone, json } from "@/lib/http/door";
import { getCookie } from "@/lib/http/cookies";
import { ADMIN_COOKIE, clearedSessionCookie } from "@/lib/auth/owner";
import { endSession } from "@/lib/auth/sessions";

// Same-origin only: another site must not be able to sign the owner out.
// The session row is deleted, so a copy of the cookie stops working too.
export const POST = anyone(
  async ({ req }) => {
    await endSession(getCookie(req, ADMIN_COOKIE));
    return json({ ok: true }, 200, { "set-cookie": clearedSessionCookie() });
  },
  { sameOrigin: true },
);
