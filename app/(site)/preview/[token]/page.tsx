import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { openPreview } from "@/lib/entitlements/preview";
import { formatPostDate } from "@/components/post-meta";
import { formatCents } from "@/lib/money";

// The link is checked against the database on every request (撤销 ends it at once): never prerendered or cached.
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ token: string }> };

// Never in a search engine (next.config.js also sends X-Robots-Tag and no-store for /preview/).
export const metadata: Metadata = { title: "预览", robots: { index: false, follow: false } };

/**
 * A draft or scheduled post through the owner's preview link (lib/entitlements/preview.ts): the whole
 * text under a 预览 banner, with no way to buy — no pay button, no tip box; orders for a post that
 * is not public are refused by the API anyway. A post that went public meanwhile is shown at its
 * own address, behind its paywall.
 */
export default async function PreviewPage({ params }: Props) {
  const result = await openPreview((await params).token);
  if (result.kind === "invalid") notFound();
  if (result.kind === "live") redirect(`/posts/${result.slug}`);
  const when =
    result.publishedAt && result.publishedAt > new Date() ? `将于 ${formatPostDate(result.publishedAt)} 定时发布` : "草稿，尚未发布";
  return (
    <article>
      <p
        role="note"
        data-testid="preview-banner"
        className="mb-4 rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
      >
        <strong>预览</strong>：这是站长分享的预览链接（{when}）。正式发布前请勿转发；发布后请以文章页面为准。
      </p>
      <h1 className="text-2xl font-bold leading-snug">{result.title}</h1>
      <div className="mt-1 flex flex-wrap gap-x-3 text-sm text-stone-500">
        <span>{result.priceCents > 0 ? `付费文章 ¥${formatCents(result.priceCents)}（预览中显示全文）` : "免费文章"}</span>
        {result.tags.map((t) => (
          <span key={t}>#{t}</span>
        ))}
      </div>
      <div className="prose-article mt-4" dangerouslySetInnerHTML={{ __html: result.teaserHtml }} />
      {result.bodyHtml && (
        <>
          {result.priceCents > 0 && <hr className="my-6 border-dashed border-stone-300" aria-label="以下为付费部分" />}
          <div className="prose-article" dangerouslySetInnerHTML={{ __html: result.bodyHtml }} />
        </>
      )}
    </article>
  );
}
