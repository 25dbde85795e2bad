import { AppError } from "@/lib/errors";
import { anyone, segments } from "@/lib/http/door";
import { siteOrigin } from "@/lib/http/origin";
import { privateFeed } from "@/lib/feeds/feeds";
import { privateFeedResponse } from "@/lib/feeds/response";

/** A reader's private feed: full text of what they bought; the token is the key, and the answer is never cached publicly. */
export const GET = anyone(
  async ({ req, params }) => {
    const xml = await privateFeed(params.token, siteOrigin(req));
    if (xml === null) throw new AppError("not_found", "订阅地址无效或已停用，请到「我的购买」重新获取。");
    return privateFeedResponse(xml);
  },
  { params: segments("token") },
);
