import type { MetadataRoute } from "next";
import { headers } from "next/headers";
import { siteOrigin } from "@/lib/http/origin";
import { listPublishedArticles, listTags } from "@/lib/articles/queries";
import { tagPath } from "@/lib/articles/tags";
import { siteSettings, publicOrigin } from "@/lib/settings/store";

// Published posts and tags change without a build; without this Next.js would render the sitemap once at build.
export const dynamic = "force-dynamic";

/** /sitemap.xml: the home page, every published post and every tag page. Nothing private, no text. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const origin = publicOrigin(await siteSettings(), siteOrigin(await headers()));
  const [articles, tags] = await Promise.all([listPublishedArticles(), listTags()]);
  const latest = articles[0]?.updatedAt;
  return [
    { url: `${origin}/`, lastModified: latest, changeFrequency: "daily", priority: 1 },
    ...articles.map((a) => ({
      url: `${origin}/posts/${a.slug}`,
      lastModified: a.updatedAt,
      changeFrequency: "weekly" as const,
      priority: 0.8,
    })),
    ...tags.map((t) => ({ url: `${origin}${tagPath(t.tag)}`, changeFrequency: "weekly" as const, priority: 0.5 })),
  ];
}
