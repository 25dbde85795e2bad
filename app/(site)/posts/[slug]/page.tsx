import type { Metadata } from "next";
import { cookies, headers } from "next/headers";
import { notFound } from "next/navigation";
import Link from "next/link";
import { cache } from "react";
import { findPublishedArticle, loadGatedBody } from "@/lib/articles/queries";
import { canRead } from "@/lib/entitlements/check";
import { plainExcerpt, renderMarkdown } from "@/lib/articles/markdown";
import { READER_COOKIE, verifyReaderCookie } from "@/lib/readers/session";
import { isDemoMode } from "@/lib/devices/demo-mode";
import { recordView } from "@/lib/articles/events";
import { clientIp } from "@/lib/http/client-ip";
import { passesOnSale } from "@/lib/passes/queries";
import { seriesOfArticle } from "@/lib/series/queries";
import { tipOptions } from "@/lib/orders/tips";
import { Paywall } from "@/components/paywall";
import { TipBox } from "@/components/tip-box";
import { ArticleJsonLd } from "@/components/article-json-ld";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

// generateMetadata and the page read the same article: one query per request.
const findArticle = cache(findPublishedArticle);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await findArticle((await params).slug);
  if (!article) return {};
  return { title: article.title, description: plainExcerpt(article.teaser, 150) };
}

export default async function PostPage({ params }: Props) {
  const article = await findArticle((await params).slug);
  if (!article) notFound();
  const readerId = verifyReaderCookie((await cookies()).get(READER_COOKIE)?.value);
  const paid = article.priceCents > 0;
  const entitled = await canRead(readerId, article);
  // The gated body is loaded only here, only for an entitled reader.
  const bodyHtml = entitled ? renderMarkdown(await loadGatedBody(article.id)) : null;
  void recordView(article.id, clientIp(await headers()));
  const demo = await isDemoMode();
  // The other ways to buy are read only for a reader who sees the paywall.
  const [passes, series] = bodyHtml === null ? await Promise.all([passesOnSale(), seriesOfArticle(article.id)]) : [[], []];

  return (
    <article>
      <ArticleJsonLd article={article} />
      <h1 className="text-2xl font-bold leading-snug">{article.title}</h1>
      <div className="prose-article mt-4" dangerouslySetInnerHTML={{ __html: renderMarkdown(article.teaser) }} />
      {bodyHtml !== null ? (
        <>
          <div className="prose-article paywalled-content" dangerouslySetInnerHTML={{ __html: bodyHtml }} />
          {paid && (
            <p className="mt-8 rounded bg-emerald-50 p-3 text-sm text-emerald-800">
              已解锁全文。换手机或浏览器阅读？到{" "}
              <Link href="/me" className="underline">
                我的购买
              </Link>{" "}
              获取恢复链接。
            </p>
          )}
        </>
      ) : (
        <Paywall slug={article.slug} priceCents={article.priceCents} demo={demo} passes={passes} series={series} />
      )}
      <TipBox slug={article.slug} demo={demo} options={tipOptions()} />
    </article>
  );
}
