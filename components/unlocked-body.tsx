import Link from "next/link";

/**
 * The gated part of a post for a reader who may read it, and for a paid post the hint to keep it on
 * another device. Rendered by the server for an entitled page (PostReaderPart) and by the paywall the
 * moment an order is paid (from GET /api/articles/{slug}/body), so both look the same. `html` carries
 * the reader's invisible mark (lib/marks); `readerLine` is the owner's optional visible one.
 */
export function UnlockedBody({ html, paid, readerLine = null }: { html: string; paid: boolean; readerLine?: string | null }) {
  return (
    <>
      <div className="prose-article paywalled-content" dangerouslySetInnerHTML={{ __html: html }} />
      {readerLine && (
        <p className="mt-6 text-center text-xs text-stone-400" data-testid="reader-line">
          {`本文仅供 ${readerLine} 阅读`}
        </p>
      )}
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
  );
}
