/** 我的购买 → 下载全部: everything this browser's reader owns, as an e-book or one Markdown file (plain links: the browser downloads). */
export function LibraryDownload() {
  return (
    <section className="mt-6 rounded-lg bg-white p-4" aria-labelledby="library-heading">
      <h2 id="library-heading" className="font-semibold">
        下载全部
      </h2>
      <p className="mt-1 text-sm text-stone-600">
        把你能阅读的全部付费文章存下来，离线慢慢看。电子书可用 Apple 图书、calibre、多看等阅读器打开。仅供本人阅读，请勿转载。
      </p>
      <div className="mt-3 flex flex-wrap gap-3 text-sm">
        <a href="/api/me/library/epub" download className="rounded bg-stone-900 px-3 py-1.5 text-white" data-testid="download-epub">
          下载电子书（EPUB）
        </a>
        <a href="/api/me/library/md" download className="rounded border border-stone-300 px-3 py-1.5" data-testid="download-md">
          下载 Markdown
        </a>
      </div>
    </section>
  );
}
