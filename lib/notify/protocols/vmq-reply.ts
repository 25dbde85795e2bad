import { isAppError } from "@/lib/errors";
import { json } from "@/lib/http/handler";
import { rawRequest } from "@/lib/notify/audit";
import { ingestVmq } from "@/lib/notify/protocols/vmq";

/**
 * Route handler for /appHeart and /appPush, answering in the shape V免签 servers use.
 * The original app fires one GET and treats any HTTP answer as delivered; forks resend on
 * network errors or non-2xx. So 200 {"code":1} means "stored, do not resend" (matched,
 * unmatched-but-recorded, duplicate, ignored); refusals a resend cannot fix are 4xx with
 * {"code":-1,"msg"} (bad key 401, stale 401, malformed 400, 413, 429), and only a server
 * fault is 5xx so that a retrying fork tries again.
 */
export function vmqHandler(kind: "heart" | "push") {
  return async (req: Request): Promise<Response> => {
    try {
      const r = await ingestVmq(rawRequest(req, "vmq"), kind);
      return json({ code: 1, msg: "成功", data: r });
    } catch (e) {
      if (isAppError(e)) return json({ code: -1, msg: e.message }, e.status, e.headers);
      console.error(`[vmq] ${new URL(req.url).pathname}`, e);
      return json({ code: -1, msg: "服务器内部错误，请稍后重试。" }, 500);
    }
  };
}
