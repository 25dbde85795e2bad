import { AppError } from "@/lib/errors";
import { getCookie } from "@/lib/http/cookies";
import { clientIp } from "@/lib/http/client-ip";
import { sameOrigin } from "@/lib/http/origin";
import { ADMIN_COOKIE, adminToken, checkBearer, requireCredential } from "@/lib/auth/owner";
import { guardBearerAttempt } from "@/lib/auth/login";
import { verifySession } from "@/lib/auth/sessions";

/** How the request was authenticated; `sessionToken` is the cookie's token for session requests. */
export type OwnerAuth = { via: "session"; sessionToken: string } | { via: "token" };

export const READ_METHODS: ReadonlySet<string> = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * The owner behind an /api/admin/* request: the bearer token (ADMIN_TOKEN) or a
 * session cookie, plus a same-origin check on state-changing cookie requests
 * (CSRF; the cookie is also SameSite=Strict). 401 / 403 / 503 otherwise.
 */
export async function authenticateOwner(req: Request): Promise<OwnerAuth> {
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
  if (!READ_METHODS.has(req.method) && !sameOrigin(req)) {
    throw new AppError("forbidden", "跨站请求被拒绝。");
  }
  return { via: "session", sessionToken: token };
}
