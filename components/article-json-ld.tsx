import type { PublicArticle } from "@/lib/articles/queries";
import type { SiteSettings } from "@/lib/settings/schema";

/** Structured data so search engines index the teaser and know the rest is paywalled. */
export function ArticleJsonLd({
  article,
  settings,
  url,
  image,
}: {
  article: PublicArticle;
  settings: SiteSettings;
  url: string;
  image: string | null;
}) {
  const author = settings.author || settings.siteName;
  const data = {
    "@context": "https://schema.org",
    "@type": "Article",
    headline: article.title,
    url,
    datePublished: (article.publishedAt ?? article.createdAt).toISOString(),
    dateModified: article.updatedAt.toISOString(),
    author: { "@type": "Person", name: author },
    publisher: { "@type": "Organization", name: settings.siteName },
    ...(image ? { image } : {}),
    ...(article.tags.length ? { keywords: article.tags.join(",") } : {}),
    isAccessibleForFree: article.priceCents === 0,
    ...(article.priceCents > 0
      ? { hasPart: { "@type": "WebPageElement", isAccessibleForFree: false, cssSelector: ".paywalled-content" } }
      : {}),
  };
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: JSON.stringify(data).replace(/</g, "\\u003c") }} />;
}
