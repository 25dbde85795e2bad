import { cookies, headers } from "next/headers";
import Link from "next/link";
import { READER_COOKIE } from "@/lib/readers/session";
import { readerSessionFromCookieValue } from "@/lib/readers/links";
import { currentRestoreToken } from "@/lib/readers/restore";
import { config } from "@/lib/config";
import { listOwnedSeries, listPurchases, readerPass } from "@/lib/readers/purchases";
import { currentFeed, privateFeedPath } from "@/lib/readers/feed-token";
import { listReceipts } from "@/lib/requests/receipts";
import { ReceiptList } from "@/components/me/receipt-list";
import { listPublishedArticles } from "@/lib/articles/queries";
import { readableArticleIds } from "@/lib/entitlements/check";
import { readerClaims } from "@/lib/claims/reader";
import { isDemoMode } from "@/lib/devices/demo-mode";
import { siteOrigin } from "@/lib/http/origin";
import { publicOrigin, siteSettings } from "@/lib/settings/store";
import { Price } from "@/components/price";
import { CopyField } from "@/components/copy-field";
import { PrivateFeed } from "@/components/private-feed";
import { ClaimSection } from "@/components/claim-section";
import { PassCard } from "@/components/me/pass-card";
import { RedeemForm } from "@/components/redeem-form";
import { LibraryDownload } from "@/components/me/library-download";
import { feedNotice } from "@/lib/readers/feed-notice";

// Built per request from the database (and the reader's cookie): never prerendered at build time.
export const dynamic = "force-dynamic";
export const metadata = { title: "我的购买", robots: { index: false } };

export default async function MyPurchasesPage({ searchParams }: { searchParams: Promise<{ restored?: string }> }) {
  const session = await readerSessionFromCookieValue((await cookies()).get(READER_COOKIE)?.value);
  const readerId = session?.readerId ?? null;
  const [purchases, claims, feed, published, pass, series, settings, demo, receipts] = await Promise.all([
    readerId ? listPurchases(readerId) : [],
    readerId ? readerClaims(readerId) : [],
    session ? currentFeed(session) : null,
    listPublishedArticles(),
    readerId ? readerPass(readerId) : null,
    readerId ? listOwnedSeries(readerId) : [],
    siteSettings(),
    isDemoMode(),
    readerId ? listReceipts(readerId) : [],
  ]);
  const ownsAnything = purchases.length > 0 || series.length > 0 || !!pass?.ever;
  const { restored } = await searchParams;
  const origin = publicOrigin(settings, siteOrigin(await headers()));
  // A report can be about any paid post this reader cannot read yet (a pass or series counts as read).
  const readable = readerId ? await readableArticleIds(readerId, published) : new Set<string>();
  const claimable = published.filter((a) => a.priceCents > 0 && !readable.has(a.id)).map((a) => ({ slug: a.slug, title: a.title }));
  return (
    <div>
      <h1 className="text-2xl font-bold">我的购买</h1>
      {restored === "1" && <p className="mt-3 rounded bg-emerald-50 p-3 text-emerald-800">这台设备已切换到恢复链接对应的购买记录。</p>}
      {restored === "0" && <p className="mt-3 rounded bg-red-50 p-3 text-red-800">恢复链接无效，请检查链接是否完整。</p>}
      {pass && <PassCard pass={pass} demo={demo} channelOrder={settings.channelOrder} />}
      {series.length > 0 && (
        <ul className="mt-4 divide-y divide-stone-200 rounded-lg bg-white" aria-label="专栏">
          {series.map((s) => (
            <li key={s.slug} className="flex justify-between p-3">
              <Link href={`/series/${s.slug}`} className="underline">
                {s.title}
              </Link>
              <span className="text-stone-500">专栏</span>
            </li>
          ))}
        </ul>
      )}
      {!ownsAnything ? (
        <p className="mt-4 text-stone-600">这台设备上还没有购买记录。</p>
      ) : (
        purchases.length > 0 && (
          <ul className="mt-4 divide-y divide-stone-200 rounded-lg bg-white">
            {purchases.map((p) => (
              <li key={p.article.slug} className="flex justify-between p-3">
                <Link href={`/posts/${p.article.slug}`} className="underline">
                  {p.article.title}
                </Link>
                <Price cents={p.order?.amountCents ?? p.article.priceCents} className="text-stone-500" />
              </li>
            ))}
          </ul>
        )
      )}
      {readerId && ownsAnything && <LibraryDownload />}
      {receipts.length > 0 && (
        <section className="mt-6">
          <h2 className="font-semibold">付款记录</h2>
          <p className="mt-1 text-sm text-stone-600">
            每笔付款的凭证。对某笔购买有疑问或需要退款，请在这里告诉站长（站长承诺 {settings.requestResponseHours}{" "}
            小时内答复），不必去微信或支付宝投诉。
          </p>
          <ReceiptList receipts={receipts} hours={settings.requestResponseHours} />
        </section>
      )}
      <RedeemForm />
      {readerId && ownsAnything && (
        <section className="mt-6 rounded-lg bg-white p-4">
          <h2 className="font-semibold">在其他设备上阅读</h2>
          <p className="mt-1 text-sm text-stone-600">
            在另一台手机或浏览器打开这个链接，即可解锁你买过的文章、专栏和全站通。一个链接最多可用于 {config().RESTORE_MAX_DEVICES}{" "}
            台其他设备。请勿分享给他人；如果链接泄露，请联系站长作废它，这里会换成新链接。
          </p>
          <CopyField value={`${origin}/restore/${encodeURIComponent(await currentRestoreToken(readerId))}`} />
        </section>
      )}
      {readerId && ownsAnything && (
        <section className="mt-6 rounded-lg bg-white p-4">
          <h2 className="font-semibold">用 RSS 阅读器订阅</h2>
          <p className="mt-1 text-sm text-stone-600">
            私人订阅地址包含你能阅读的文章的全文，请勿分享。地址泄露时点「重新生成」，旧地址立即失效。公开订阅（只有付费文章的开头）：
            <a href="/feed.xml" className="underline">
              /feed.xml
            </a>
          </p>
          <PrivateFeed initialUrl={feed ? `${origin}${privateFeedPath(feed.token)}` : null} notice={feed ? feedNotice(feed) : null} />
        </section>
      )}
      <section className="mt-6 rounded-lg bg-white p-4">
        <h2 className="font-semibold">付款后没有解锁？</h2>
        <p className="mt-1 text-sm text-stone-600">如果付了款但页面没有解锁（例如金额输错、通知延迟），请报告给站长核对。</p>
        <ClaimSection claims={claims} articles={claimable} />
      </section>
    </div>
  );
}
