import type { Metadata } from "next";
import { cookies, headers } from "next/headers";
import { notFound } from "next/navigation";
import Link from "next/link";
import { cache } from "react";
import { findPublishedArticle, isEntitled, loadGatedBody } from "@/lib/articles/queries";
import { plainExcerpt, renderMarkdown } from "@/lib/articles/markdown";
import { READER_COOKIE } from "@/lib/readers/session";
import { readerFromCookieValue } from "@/lib/readers/links";
import { isDemoMode } from "@/lib/devices/demo-mode";
import { recordView } from "@/lib/articles/events";
import { clientIp } from "@/lib/http/client-ip";
import { Paywall } from "@/components/paywall";
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

/** Demo mode sells only the seeded demo posts (through 模拟付款); the owner's own posts wait for go-live. */
async function PaywallOrDemoNotice({ slug, priceCents, demoPost }: { slug: string; priceCents: number; demoPost: boolean }) {
  const demo = await isDemoMode();
  if (demo && !demoPost) {
    return (
      <p className="my-6 rounded-lg bg-stone-100 p-4 text-center text-sm text-stone-600" data-testid="not-for-sale">
        站长尚未开通收款，这篇文章暂时不能购买。
      </p>
    );
  }
  return <Paywall slug={slug} priceCents={priceCents} demo={demo} />;
}

export default async function PostPage({ params }: Props) {
  const article = await findArticle((await params).slug);
  if (!article) notFound();
  const readerId = await readerFromCookieValue((await cookies()).get(READER_COOKIE)?.value);
  const paid = article.priceCents > 0;
  const entitled = !paid || (await isEntitled(readerId, article.id));
  // The gated body is loaded only here, only for an entitled reader.
  const bodyHtml = entitled ? renderMarkdown(await loadGatedBody(article.id)) : null;
  void recordView(article.id, clientIp(await headers()));

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
        <PaywallOrDemoNotice slug={article.slug} priceCents={article.priceCents} demoPost={article.demo} />
      )}
    </article>
  );
}
