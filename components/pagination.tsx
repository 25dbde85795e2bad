import Link from "next/link";

/** Real links to the other pages of a list (?page=N; page 1 is the bare path), so crawlers and readers without JS get them. */
export function Pagination({ base, page, pages }: { base: string; page: number; pages: number }) {
  if (pages <= 1) return null;
  const href = (n: number) => (n === 1 ? base : `${base}?page=${n}`);
  const numbers = Array.from({ length: pages }, (_, i) => i + 1).filter((n) => n === 1 || n === pages || Math.abs(n - page) <= 2);
  return (
    <nav aria-label="分页" className="mt-6 flex flex-wrap items-center justify-center gap-2 text-sm">
      {page > 1 && (
        <Link href={href(page - 1)} rel="prev" className="rounded px-3 py-1 ring-1 ring-stone-300 hover:bg-white">
          上一页
        </Link>
      )}
      {numbers.map((n, i) => (
        <span key={n} className="flex items-center gap-2">
          {i > 0 && n - numbers[i - 1] > 1 && <span className="text-stone-400">…</span>}
          {n === page ? (
            <span aria-current="page" className="rounded bg-stone-900 px-3 py-1 text-white">
              {n}
            </span>
          ) : (
            <Link href={href(n)} className="rounded px-3 py-1 ring-1 ring-stone-300 hover:bg-white">
              {n}
            </Link>
          )}
        </span>
      ))}
      {page < pages && (
        <Link href={href(page + 1)} rel="next" className="rounded px-3 py-1 ring-1 ring-stone-300 hover:bg-white">
          下一页
        </Link>
      )}
    </nav>
  );
}

/** The page number from ?page=, or null when it is not a page number (the caller answers 404). */
export function pageParam(value: string | string[] | undefined): number | null {
  if (value === undefined) return 1;
  if (typeof value !== "string" || !/^[1-9]\d{0,5}$/.test(value)) return null;
  return Number(value);
}
