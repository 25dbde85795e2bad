import { json, route } from "@/lib/http/handler";
import { requireSameOriginJson } from "@/lib/http/json-post";
import { siteOrigin } from "@/lib/http/origin";
import { AppError } from "@/lib/errors";
import { existingReader } from "@/lib/readers/request";
import { issueFeedToken, privateFeedPath, revokeFeedToken } from "@/lib/readers/feed-token";
import { siteSettings, publicOrigin } from "@/lib/settings/store";

export const dynamic = "force-dynamic";

function reader(req: Request): string {
  const id = existingReader(req);
  if (!id) throw new AppError("unauthorized", "这台设备还没有购买记录，无法生成私人订阅地址。");
  return id;
}

/** A new private feed URL for this reader (the previous one stops working). */
export const POST = route(async (req) => {
  requireSameOriginJson(req);
  const token = await issueFeedToken(reader(req));
  return json({ url: `${publicOrigin(await siteSettings(), siteOrigin(req))}${privateFeedPath(token)}` }, 201);
});

/** Stops the private feed URL. */
export const DELETE = route(async (req) => {
  requireSameOriginJson(req);
  await revokeFeedToken(reader(req));
  return json({ ok: true });
});
