import { z } from "zod";
import { json, readJson, sameSiteRoute } from "@/lib/http/handler";
import { clientIp } from "@/lib/http/client-ip";
import { readerFromRequest } from "@/lib/readers/request";
import { redeemCode } from "@/lib/redeem/redeem";

export const dynamic = "force-dynamic";

const body = z.object({ code: z.string({ error: "请输入兑换码" }).trim().min(1, "请输入兑换码").max(64, "兑换码过长") });

/** POST /api/redeem {code}: grants the code's post, series or pass to this device's reader. */
export const POST = sameSiteRoute(async (req) => {
  const { code } = await readJson(req, body, 1024);
  const reader = await readerFromRequest(req);
  const result = await redeemCode(code, reader.readerId, clientIp(req));
  return json(result, 200, reader.setCookie ? { "set-cookie": reader.setCookie } : {});
});
