import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { publicPost } from "@/lib/articles/cache";
import { shareCard } from "@/lib/articles/share";
import { recordView } from "@/lib/articles/events";
import { clientIp } from "@/lib/http/client-ip";
import { siteOrigin } from "@/lib/http/origin";
import { publicOrigin, siteSettings } from "@/lib/settings/store";
import { feedAlternates } from "@/lib/feeds/links";
import { ArticleJsonLd } from "@/components/article-json-ld";
import { PostMeta } from "@/components/post-meta";
import { PostReaderPart } from "@/components/post-reader-part";
import { TipBox } from "@/components/tip-box";
import { tipOptions } from "@/lib/orders/tips";
import { isDemoMode } from "@/lib/devices/demo-mode";

// Built per request from the database (and the reader's cookie): never prerendered at build time.
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

// generateMetadata and the page read the same cached public part (lib/articles/cache.ts).
const findArticle = async (slug: string) => (await publicPost(slug))?.article ?? null;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await findArticle((await params).slug);
  if (!article) return {};
  const settings = await siteSettings();
  const card = shareCard(article, settings.logoUrl);
  const path = `/posts/${article.slug}`;
  const images = card.image ? [card.image] : undefined;
  return {
    title: article.title,
    description: card.description,
    alternates: { canonical: path, types: feedAlternates(settings.siteName) },
    openGraph: {
      type: "article",
      url: path,
      siteName: settings.siteName,
      locale: "zh_CN",
      title: article.title,
      description: card.description,
      publishedTime: (article.publishedAt ?? article.createdAt).toISOString(),
      modifiedTime: article.updatedAt.toISOString(),
      authors: [settings.author || settings.siteName],
      tags: article.tags,
      images,
    },
    twitter: { card: card.image ? "summary_large_image" : "summary", title: article.title, description: card.description, images },
  };
}

/**
 * The public part (title, meta, teaser, JSON-LD) is the same for everyone and comes from the
 * public-post cache; PostReaderPart is the per-reader rest (one indexed entitlement lookup).
 */
export default async function PostPage({ params }: Props) {
  const post = await publicPost((await params).slug);
  if (!post) notFound();
  const { article } = post;
  const settings = await siteSettings();
  const h = await headers();
  const origin = publicOrigin(settings, siteOrigin(h));
  const card = shareCard(article, settings.logoUrl);
  void recordView(article.id, clientIp(h));
  const demo = await isDemoMode();

  return (
    <article>
      <ArticleJsonLd
        article={article}
        settings={settings}
        url={`${origin}/posts/${article.slug}`}
        image={card.image && (card.image.startsWith("/") ? `${origin}${card.image}` : card.image)}
      />
      <h1 className="text-2xl font-bold leading-snug">{article.title}</h1>
      <PostMeta article={article} />
      <div className="prose-article mt-4" dangerouslySetInnerHTML={{ __html: post.teaserHtml }} />
      <PostReaderPart article={article} channelOrder={settings.channelOrder} />
      {/* Demo mode sells nothing but the seeded demo posts: no tips for the owner's own posts until go-live. */}
      {(!demo || article.demo) && <TipBox slug={article.slug} demo={demo} options={tipOptions()} channelOrder={settings.channelOrder} />}
    </article>
  );
}
