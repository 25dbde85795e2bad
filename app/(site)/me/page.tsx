import { cookies, headers } from "next/headers";
import Link from "next/link";
import { READER_COOKIE } from "@/lib/readers/session";
import { readerFromCookieValue } from "@/lib/readers/links";
import { currentRestoreToken } from "@/lib/readers/restore";
import { listPurchases } from "@/lib/readers/purchases";
import { siteOrigin } from "@/lib/http/origin";
import { config } from "@/lib/config";
import { Price } from "@/components/price";
import { CopyField } from "@/components/copy-field";

export const dynamic = "force-dynamic";
export const metadata = { title: "我的购买", robots: { index: false } };

export default async function MyPurchasesPage({ searchParams }: { searchParams: Promise<{ restored?: string }> }) {
  const readerId = await readerFromCookieValue((await cookies()).get(READER_COOKIE)?.value);
  const purchases = readerId ? await listPurchases(readerId) : [];
  const { restored } = await searchParams;
  const origin = siteOrigin(await headers());
  return (
    <div>
      <h1 className="text-2xl font-bold">我的购买</h1>
      {restored === "1" && <p className="mt-3 rounded bg-emerald-50 p-3 text-emerald-800">这台设备已切换到恢复链接对应的购买记录。</p>}
      {restored === "0" && <p className="mt-3 rounded bg-red-50 p-3 text-red-800">恢复链接无效，请检查链接是否完整。</p>}
      {purchases.length === 0 ? (
        <p className="mt-4 text-stone-600">这台设备上还没有购买记录。</p>
      ) : (
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
      )}
      {readerId && purchases.length > 0 && (
        <section className="mt-6 rounded-lg bg-white p-4">
          <h2 className="font-semibold">在其他设备上阅读</h2>
          <p className="mt-1 text-sm text-stone-600">
            在另一台手机或浏览器打开这个链接，即可解锁你买过的文章。一个链接最多可用于 {config().RESTORE_MAX_DEVICES}{" "}
            台其他设备。请勿分享给他人；如果链接泄露，请联系站长作废它，这里会换成新链接。
          </p>
          <CopyField value={`${origin}/restore/${encodeURIComponent(await currentRestoreToken(readerId))}`} />
        </section>
      )}
    </div>
  );
}
