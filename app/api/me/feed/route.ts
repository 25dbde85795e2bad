import { json, ok, reader, type ReaderAccess } from "@/lib/http/door";
import { siteOrigin } from "@/lib/http/origin";
import { AppError } from "@/lib/errors";
import { issueFeedTokenFor, privateFeedPath, revokeFeedTokenFor, type FeedHolder } from "@/lib/readers/feed-token";
import { siteSettings, publicOrigin } from "@/lib/settings/store";

async function holder(reader: ReaderAccess): Promise<FeedHolder> {
  const session = await reader.session();
  if (!session) throw new AppError("unauthorized", "这台设备还没有购买记录，无法生成私人订阅地址。");
  return session;
}

/** A new private feed URL for this browser (the previous one stops working); a restored browser's own, never the buyer's. */
export const POST = reader(async ({ req, reader }) => {
  const token = await issueFeedTokenFor(await holder(reader));
  return json({ url: `${publicOrigin(await siteSettings(), siteOrigin(req))}${privateFeedPath(token)}` }, 201);
});

/** Stops this browser's private feed URL. */
export const DELETE = reader(async ({ reader }) => revokeFeedTokenFor(await holder(reader)).then(ok));
