import { z } from "zod";
import { CHANNELS } from "@/lib/channels";

/**
 * Request field `channel`, for route handlers and server-side input schemas.
 * Apart from lib/channels.ts so the browser, which needs only the names and
 * labels, never bundles zod (tests/unit/client-csp.test.ts keeps it that way).
 */
export const channelSchema = z.enum(CHANNELS, { error: "channel 必须是 wechat（微信）或 alipay（支付宝）" });
