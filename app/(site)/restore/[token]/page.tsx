import { cookies, headers } from "next/headers";
import Link from "next/link";
import { READER_COOKIE } from "@/lib/readers/session";
import { readerFromCookieValue } from "@/lib/readers/links";
import { previewRestore } from "@/lib/readers/restore";
import { siteOrigin } from "@/lib/http/origin";
import { chinaDateText } from "@/lib/china-time";
import { CopyField } from "@/components/copy-field";
import { RestoreConfirm } from "@/components/restore-confirm";

// Built per request from the database (and the reader's cookie): never prerendered at build time.
export const dynamic = "force-dynamic";
export const metadata = { title: "恢复购买记录", robots: { index: false } };

/** GET /restore/{token}: explains what the link will do. Changes nothing; the button POSTs JSON to /api/restore. */
export default async function RestorePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const current = await readerFromCookieValue((await cookies()).get(READER_COOKIE)?.value);
  const preview = await previewRestore(token, current);
  if (!preview.valid) {
    return <Unusable title="恢复链接无效">这个链接不完整或已损坏。请从原来的设备「我的购买」页面重新复制完整的恢复链接。</Unusable>;
  }
  if (preview.revoked) {
    return (
      <Unusable title="恢复链接已作废">
        站长已作废这个链接，通过它恢复的设备也已退出。请在原来购买的设备上打开「我的购买」，获取新的恢复链接。
      </Unusable>
    );
  }
  if (preview.alreadyHere) {
    return (
      <div>
        <h1 className="text-2xl font-bold">这台设备已在使用这份购买记录</h1>
        <Link href="/me" className="mt-4 inline-block underline">
          查看我的购买
        </Link>
      </div>
    );
  }
  const origin = siteOrigin(await headers());
  return (
    <div>
      <h1 className="text-2xl font-bold">恢复购买记录</h1>
      <p className="mt-3 text-stone-700">
        确认后，这台设备将使用该链接对应的购买记录（{preview.purchases.length} 篇文章
        {preview.series.length > 0 && `、${preview.series.length} 个专栏`}
        {preview.pass && "、全站通"}），可以阅读其中已购买的全文。 只有在这个链接是你自己的时才确认；不要使用别人发给你的链接。
      </p>
      {preview.purchases.length + preview.series.length > 0 && (
        <ul className="mt-3 list-disc pl-6 text-sm text-stone-600">
          {preview.purchases.map((p) => (
            <li key={p.slug}>{p.title}</li>
          ))}
          {preview.series.map((s) => (
            <li key={`series-${s.slug}`}>专栏「{s.title}」</li>
          ))}
        </ul>
      )}
      {preview.pass && (
        <p className="mt-2 text-sm text-stone-600">
          全站通：
          {preview.pass.lifetime ? "永久有效" : `有效期至 ${chinaDateText(new Date(preview.pass.until!), "numeric")}`}
        </p>
      )}
      {preview.ownToken && (
        <section className="mt-4 rounded-lg bg-amber-50 p-4 text-amber-900 ring-1 ring-amber-200">
          <p>
            这台设备上已经有 {preview.ownPurchases} 项已购内容（文章、专栏或全站通）。切换后它们不会被删除，也不会被转移，
            但这台设备将不再直接显示它们。请先保存下面这个链接，以后打开它即可换回：
          </p>
          <CopyField value={`${origin}/restore/${encodeURIComponent(preview.ownToken)}`} label="这台设备自己的恢复链接" />
        </section>
      )}
      <p className="mt-3 text-sm text-stone-500">
        这个链接已用于 {preview.devices} 台设备，最多 {preview.maxDevices} 台。
        {preview.devices >= preview.maxDevices && "名额已满：只有已经恢复过的设备还能再次确认。"}
      </p>
      <RestoreConfirm token={preview.token} />
    </div>
  );
}

/** A link that cannot restore anything, and the way back to this device's own purchases. */
function Unusable({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div>
      <h1 className="text-2xl font-bold">{title}</h1>
      <p className="mt-3 text-stone-600">{children}</p>
      <Link href="/me" className="mt-4 inline-block underline">
        查看这台设备的购买记录
      </Link>
    </div>
  );
}
