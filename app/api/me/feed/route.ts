import { json, ok, reader, type ReaderAccess } from "@/lib/http/door";
import { siteOrigin } from "@/lib/http/origin";
import { AppError } from "@/lib/errors";
import { issueFeedToken, privateFeedPath, revokeFeedToken } from "@/lib/readers/feed-token";
import { siteSettings, publicOrigin } from "@/lib/settings/store";

async function buyer(reader: ReaderAccess): Promise<string> {
  const id = await reader.existing();
  if (!id) throw new AppError("unauthorized", "这台设备还没有购买记录，无法生成私人订阅地址。");
  return id;
}

/** A new private feed URL for this reader (the previous one stops working). */
export const POST = reader(async ({ req, reader }) => {
  const token = await issueFeedToken(await buyer(reader));
  return json({ url: `${publicOrigin(await siteSettings(), siteOrigin(req))}${privateFeedPath(token)}` }, 201);
});

/** Stops the private feed URL. */
export const DELETE = reader(async ({ reader }) => revokeFeedToken(await buyer(reader)).then(ok));
