import { json, sameSiteRoute } from "@/lib/http/handler";
import { siteOrigin } from "@/lib/http/origin";
import { AppError } from "@/lib/errors";
import { existingReader } from "@/lib/readers/request";
import { issueFeedToken, privateFeedPath, revokeFeedToken } from "@/lib/readers/feed-token";
import { siteSettings, publicOrigin } from "@/lib/settings/store";

export const dynamic = "force-dynamic";

async function reader(req: Request): Promise<string> {
  const id = await existingReader(req);
  if (!id) throw new AppError("unauthorized", "这台设备还没有购买记录，无法生成私人订阅地址。");
  return id;
}

/** A new private feed URL for this reader (the previous one stops working). */
export const POST = sameSiteRoute(async (req) => {
  const token = await issueFeedToken(await reader(req));
  return json({ url: `${publicOrigin(await siteSettings(), siteOrigin(req))}${privateFeedPath(token)}` }, 201);
});

/** Stops the private feed URL. */
export const DELETE = sameSiteRoute(async (req) => {
  await revokeFeedToken(await reader(req));
  return json({ ok: true });
});
