import { cookies, headers } from "next/headers";
import Link from "next/link";
import { READER_COOKIE, restoreToken, verifyReaderCookie } from "@/lib/readers/session";
import { listOwnedSeries, listPurchases, readerPass } from "@/lib/readers/purchases";
import { isDemoMode } from "@/lib/devices/demo-mode";
import { siteOrigin } from "@/lib/http/origin";
import { Price } from "@/components/price";
import { CopyField } from "@/components/copy-field";
import { PassCard } from "@/components/me/pass-card";
import { RedeemForm } from "@/components/redeem-form";

export const dynamic = "force-dynamic";
export const metadata = { title: "我的购买", robots: { index: false } };

export default async function MyPurchasesPage({ searchParams }: { searchParams: Promise<{ restored?: string }> }) {
  const readerId = verifyReaderCookie((await cookies()).get(READER_COOKIE)?.value);
  const purchases = readerId ? await listPurchases(readerId) : [];
  const [pass, series] = readerId ? await Promise.all([readerPass(readerId), listOwnedSeries(readerId)]) : [null, []];
  const ownsAnything = purchases.length > 0 || series.length > 0 || !!pass?.ever;
  const { restored } = await searchParams;
  const origin = siteOrigin(await headers());
  return (
    <div>
      <h1 className="text-2xl font-bold">我的购买</h1>
      {restored === "1" && <p className="mt-3 rounded bg-emerald-50 p-3 text-emerald-800">这台设备已切换到恢复链接对应的购买记录。</p>}
      {restored === "0" && <p className="mt-3 rounded bg-red-50 p-3 text-red-800">恢复链接无效，请检查链接是否完整。</p>}
      {pass && <PassCard pass={pass} demo={await isDemoMode()} />}
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
      <RedeemForm />
      {readerId && ownsAnything && (
        <section className="mt-6 rounded-lg bg-white p-4">
          <h2 className="font-semibold">在其他设备上阅读</h2>
          <p className="mt-1 text-sm text-stone-600">
            在另一台手机或浏览器打开这个链接，即可解锁你买过的文章、专栏和全站通。请勿分享给他人。
          </p>
          <CopyField value={`${origin}/restore/${encodeURIComponent(restoreToken(readerId))}`} />
        </section>
      )}
    </div>
  );
}
