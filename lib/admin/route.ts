import { AppError } from "@/lib/errors";
import { route, type RouteContext } from "@/lib/http/handler";
import { getCookie } from "@/lib/http/cookies";
import { ADMIN_COOKIE, adminToken, checkBearer, requireAdminConfigured, verifySessionValue } from "@/lib/admin/auth";
import { guardBearerAttempt } from "@/lib/admin/login-limit";
import { sameOrigin } from "@/lib/http/origin";

export { sameOrigin };

export type AdminAuth = { via: "session" | "token" };

/**
 * Wraps every /api/admin/* handler: bearer token or session cookie, plus a
 * same-origin check on state-changing cookie requests (CSRF; the cookie is
 * also SameSite=Strict).
 */
export function adminRoute<P = Record<string, string>>(
  fn: (req: Request, ctx: RouteContext<P>, auth: AdminAuth) => Promise<Response> | Response,
) {
  return route<P>(async (req, ctx) => {
    await guardBearerAttempt(req);
    return fn(req, ctx, authenticateAdmin(req));
  });
}

function authenticateAdmin(req: Request): AdminAuth {
  if (checkBearer(req.headers.get("authorization"))) return { via: "token" };
  // With only ADMIN_TOKEN set, a request without it is unauthorised, not "admin off".
  if (!adminToken()) requireAdminConfigured();
  if (!verifySessionValue(getCookie(req, ADMIN_COOKIE))) {
    throw new AppError("unauthorized", "请先登录管理后台。");
  }
  if (!["GET", "HEAD", "OPTIONS"].includes(req.method) && !sameOrigin(req)) {
    throw new AppError("forbidden", "跨站请求被拒绝。");
  }
  return { via: "session" };
}
