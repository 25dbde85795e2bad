import { AppError } from "@/lib/errors";
import { route, type RouteContext } from "@/lib/http/handler";
import { getCookie } from "@/lib/http/cookies";
import { clientIp } from "@/lib/http/client-ip";
import { ADMIN_COOKIE, adminToken, checkBearer, requireCredential } from "@/lib/admin/auth";
import { guardBearerAttempt } from "@/lib/admin/login";
import { verifySession } from "@/lib/admin/sessions";
import { sameOrigin } from "@/lib/http/origin";
import { ownerChangedContent } from "@/lib/admin/content";

export { sameOrigin };

/** How the request was authenticated; `sessionToken` is the cookie's token for session requests. */
export type AdminAuth = { via: "session"; sessionToken: string } | { via: "token" };

const READS = ["GET", "HEAD", "OPTIONS"];

/**
 * Wraps every /api/admin/* handler: bearer token or session cookie, plus a
 * same-origin check on state-changing cookie requests (CSRF; the cookie is
 * also SameSite=Strict). A write that succeeded drops the cached pages
 * (lib/admin/content.ts), so the next reader sees the change.
 */
export function adminRoute<P = Record<string, string>>(
  fn: (req: Request, ctx: RouteContext<P>, auth: AdminAuth) => Promise<Response> | Response,
) {
  return route<P>(async (req, ctx) => {
    const res = await fn(req, ctx, await authenticateAdmin(req));
    if (!READS.includes(req.method) && res.status < 400) ownerChangedContent();
    return res;
  });
}

async function authenticateAdmin(req: Request): Promise<AdminAuth> {
  const header = req.headers.get("authorization");
  const bearerOk = checkBearer(header);
  await guardBearerAttempt(header, clientIp(req), bearerOk);
  if (bearerOk) return { via: "token" };
  // With only ADMIN_TOKEN set, a request without it is unauthorised, not "admin off".
  if (!adminToken()) await requireCredential();
  const token = getCookie(req, ADMIN_COOKIE);
  if (!token || !(await verifySession(token))) {
    throw new AppError("unauthorized", "请先登录管理后台。");
  }
  if (!READS.includes(req.method) && !sameOrigin(req)) {
    throw new AppError("forbidden", "跨站请求被拒绝。");
  }
  return { via: "session", sessionToken: token };
}
