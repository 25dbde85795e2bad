import type { PublicArticle } from "@/lib/articles/queries";

/** Structured data so search engines index the teaser and know the rest is paywalled. */
export function ArticleJsonLd({ article }: { article: PublicArticle }) {
  const data = {
    "@context": "https://schema.org",
    "@type": "Article",
    headline: article.title,
    datePublished: (article.publishedAt ?? article.createdAt).toISOString(),
    dateModified: article.updatedAt.toISOString(),
    isAccessibleForFree: article.priceCents === 0,
    ...(article.priceCents > 0
      ? { hasPart: { "@type": "WebPageElement", isAccessibleForFree: false, cssSelector: ".paywalled-content" } }
      : {}),
  };
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: JSON.stringify(data).replace(/</g, "\\u003c") }} />;
}
