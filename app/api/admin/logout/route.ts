import { json, route } from "@/lib/http/handler";
import { AppError } from "@/lib/errors";
import { clearedSessionCookie } from "@/lib/admin/auth";
import { sameOrigin } from "@/lib/admin/route";

export const dynamic = "force-dynamic";

// Same-origin only: another site must not be able to sign the owner out.
export const POST = route(async (req) => {
  if (!sameOrigin(req)) throw new AppError("forbidden", "跨站请求被拒绝。");
  return json({ ok: true }, 200, { "set-cookie": clearedSessionCookie() });
});
