import { cookies, headers } from "next/headers";
import { loadGatedBody, type PublicArticle } from "@/lib/articles/queries";
import { grantFor, holdingsOf } from "@/lib/entitlements/check";
import { isFree, mayRead } from "@/lib/entitlements/access";
import { renderMarkdown } from "@/lib/articles/markdown";
import { READER_COOKIE } from "@/lib/readers/session";
import { readerSessionFromCookieValue } from "@/lib/readers/links";
import { isDemoMode } from "@/lib/devices/demo-mode";
import { readerClaims } from "@/lib/claims/reader";
import { siteSettings } from "@/lib/settings/store";
import type { ChannelOrder } from "@/lib/settings/schema";
import { markedHtml, markFor } from "@/lib/marks/deliver";
import { templateBody } from "@/lib/marks/page-template";
import { TEMPLATE_HEADER } from "@/lib/marks/template";
import { Paywall } from "@/components/paywall";
import { ClaimStatus } from "@/components/claim-status";
import { UnlockedBody } from "@/components/unlocked-body";
import { passesOnSale } from "@/lib/passes/queries";
import { seriesOfArticle } from "@/lib/series/queries";

/**
 * The per-reader part of a post: the gated body for an entitled reader, else the
 * paywall (and the reader's open payment report). Everything that depends on the
 * reader's cookie is here, apart from the public part of the page, so the public
 * part can be cached on its own. The gated body is loaded only here, only for an
 * entitled reader, and a paid post's body carries that reader's mark (lib/marks) —
 * or, when the page cache asks for a template, placeholders it fills in per reader.
 */
export async function PostReaderPart({ article, channelOrder }: { article: PublicArticle; channelOrder: ChannelOrder }) {
  const session = await readerSessionFromCookieValue((await cookies()).get(READER_COOKIE)?.value);
  const readerId = session?.readerId ?? null;
  const paid = !isFree(article);
  const grant = await grantFor(readerId, article);
  if (mayRead(article, holdingsOf(grant))) {
    const html = renderMarkdown(await loadGatedBody(article.id));
    if (!grant || !session) return <UnlockedBody html={html} paid={paid} />;
    const { readerLine } = await siteSettings();
    const template = templateBody((await headers()).get(TEMPLATE_HEADER), article, html);
    if (template) return <UnlockedBody html={template.html} paid readerLine={readerLine ? template.label : null} />;
    const mark = await markFor(session, grant, article.id);
    return <UnlockedBody html={markedHtml(html, mark)} paid readerLine={readerLine ? mark.label : null} />;
  }
  // The other ways to buy (passes, series) and the report are read only for a reader who sees the paywall.
  const [claims, passes, series, demo] = await Promise.all([
    readerId ? readerClaims(readerId, { articleId: article.id, pendingOnly: true }) : [],
    passesOnSale(),
    seriesOfArticle(article.id),
    isDemoMode(),
  ]);
  const claim = claims[0];
  // Demo mode sells only the seeded demo posts (through 模拟付款); the owner's own posts wait for go-live.
  if (demo && !article.demo) {
    return (
      <p className="my-6 rounded-lg bg-stone-100 p-4 text-center text-sm text-stone-600" data-testid="not-for-sale">
        站长尚未开通收款，这篇文章暂时不能购买。
      </p>
    );
  }
  return (
    <>
      {claim && (
        <div className="my-4">
          <ClaimStatus claim={claim} />
        </div>
      )}
      <Paywall
        slug={article.slug}
        priceCents={article.priceCents}
        demo={demo}
        channelOrder={channelOrder}
        passes={passes}
        series={series}
      />
    </>
  );
}
