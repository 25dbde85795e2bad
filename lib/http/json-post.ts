import { AppError } from "@/lib/errors";
import { sameOrigin } from "@/lib/http/origin";

/**
 * The guard for state-changing reader routes that ride the reader's cookie:
 * same origin (CSRF), and a JSON content type, which a cross-site form cannot
 * send and a cross-site fetch can only send after a CORS preflight we never answer.
 */
export function requireSameOriginJson(req: Request): void {
  if (!sameOrigin(req)) throw new AppError("forbidden", "跨站请求被拒绝。");
  if (!/^application\/json\b/i.test(req.headers.get("content-type") ?? "")) {
    throw new AppError("invalid_input", "请求必须是 JSON（Content-Type: application/json）。");
  }
}
