import { json, sameSiteRoute } from "@/lib/http/handler";
import { siteOrigin } from "@/lib/http/origin";
import { AppError } from "@/lib/errors";
import { existingSession } from "@/lib/readers/request";
import { issueFeedTokenFor, privateFeedPath, revokeFeedTokenFor, type FeedHolder } from "@/lib/readers/feed-token";
import { siteSettings, publicOrigin } from "@/lib/settings/store";

export const dynamic = "force-dynamic";

async function holder(req: Request): Promise<FeedHolder> {
  const session = await existingSession(req);
  if (!session) throw new AppError("unauthorized", "这台设备还没有购买记录，无法生成私人订阅地址。");
  return session;
}

/** A new private feed URL for this browser (the previous one stops working); a restored browser's own, never the buyer's. */
export const POST = sameSiteRoute(async (req) => {
  const token = await issueFeedTokenFor(await holder(req));
  return json({ url: `${publicOrigin(await siteSettings(), siteOrigin(req))}${privateFeedPath(token)}` }, 201);
});

/** Stops this browser's private feed URL. */
export const DELETE = sameSiteRoute(async (req) => {
  await revokeFeedTokenFor(await holder(req));
  return json({ ok: true });
});
