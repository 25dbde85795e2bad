import { anyone, json } from "@/lib/http/door";
import { listPublishedArticles } from "@/lib/articles/queries";

export const GET = anyone(async () => {
  const articles = await listPublishedArticles();
  return json(
    articles.map((a) => ({
      slug: a.slug,
      title: a.title,
      priceCents: a.priceCents,
      free: a.priceCents === 0,
      teaser: a.teaser,
      tags: a.tags,
      readingMinutes: a.readingMinutes,
      publishedAt: (a.publishedAt ?? a.createdAt).toISOString(),
    })),
  );
});
