import { route } from "@/lib/http/handler";
import { siteOrigin } from "@/lib/http/origin";
import { publicFeed } from "@/lib/feeds/feeds";
import { publicFeedMaxAge, publicFeedResponse } from "@/lib/feeds/response";

export const dynamic = "force-dynamic";

/** RSS 2.0 of published posts: paid posts carry their teaser only. */
export const GET = route(async (req) => publicFeedResponse(await publicFeed(siteOrigin(req), "rss"), "rss", await publicFeedMaxAge()));
