import { anyone } from "@/lib/http/door";
import { siteOrigin } from "@/lib/http/origin";
import { publicFeed } from "@/lib/feeds/feeds";
import { publicFeedResponse } from "@/lib/feeds/response";

/** RSS 2.0 of published posts: paid posts carry their teaser only. */
export const GET = anyone(async ({ req }) => publicFeedResponse(await publicFeed(siteOrigin(req), "rss"), "rss"));
