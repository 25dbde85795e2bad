import { z } from "zod";
import { json, readJson, reader } from "@/lib/http/door";
import { clientIp } from "@/lib/http/client-ip";
import { redeemCode } from "@/lib/redeem/redeem";

const body = z.object({ code: z.string({ error: "请输入兑换码" }).trim().min(1, "请输入兑换码").max(64, "兑换码过长") });

/** POST /api/redeem {code}: grants the code's post, series or pass to this device's reader. */
export const POST = reader(async ({ req, reader }) => {
  const { code } = await readJson(req, body, 1024);
  return json(await redeemCode(code, await reader.ensure(), clientIp(req)));
});
