import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/handler";
import { siteOrigin } from "@/lib/http/origin";
import { clientIp } from "@/lib/http/client-ip";
import { privateFeed } from "@/lib/feeds/feeds";
import { privateFeedResponse } from "@/lib/feeds/response";

export const dynamic = "force-dynamic";

/** A reader's private feed: full text of what they bought; never cached publicly. */
export const GET = route<{ token: string }>(async (req, { params }) => {
  const xml = await privateFeed((await params).token, siteOrigin(req), { ip: clientIp(req), userAgent: req.headers.get("user-agent") });
  if (xml === null) throw new AppError("not_found", "订阅地址无效或已停用，请到「我的购买」重新获取。");
  return privateFeedResponse(xml);
});
