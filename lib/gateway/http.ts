import { AppError } from "@/lib/errors";
import { consume } from "@/lib/http/rate-limit";
import { addressKey } from "@/lib/http/address-key";

/**
 * What the merchant protocols answer and refuse with. Their clients read replies in the protocol's
 * own shape — `{code, msg}` with HTTP 200 — so the routes go through the door's `merchant`
 * caller (lib/http/door), which writes refusals in that shape too.
 */
export type { Params } from "@/lib/http/request";

export { protocolJson } from "@/lib/http/response";

/** A refusal with the protocol's own code (易支付 api.php uses -3, -4, -5 …). */
export const refusal = (code: number, msg: string) => new AppError("invalid_input", msg, { details: { code } });

/** Wrong signatures are counted per client address: guessing a key online is throttled. */
export async function badSign(ip: string, msg = "签名校验失败"): Promise<never> {
  await consume("gateway-bad-sign", addressKey(ip), 30, 60, "签名错误次数过多，请稍后再试");
  throw new AppError("unauthorized", msg);
}
