import Link from "next/link";
import { tagPath } from "@/lib/articles/tags";
import { formatCents } from "@/lib/money";
import type { PublicArticle } from "@/lib/articles/queries";
import { chinaDateText } from "@/lib/china-time";

/** "2026年11月27日" in China time: the readers' calendar, whatever the server's time zone. */
export function formatPostDate(d: Date): string {
  return chinaDateText(d);
}

/** Date, reading time, free or paid at a glance, and the post's tags (each a link to its tag page). */
export function PostMeta({ article }: { article: PublicArticle }) {
  const date = article.publishedAt ?? article.createdAt;
  return (
    <div className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-stone-500" data-testid="post-meta">
      <time dateTime={date.toISOString()}>{formatPostDate(date)}</time>
      {article.readingMinutes !== null && <span>约 {article.readingMinutes} 分钟读完</span>}
      {article.priceCents > 0 ? (
        <span className="rounded bg-orange-100 px-1.5 text-xs font-medium text-orange-700">付费 ¥{formatCents(article.priceCents)}</span>
      ) : (
        <span className="rounded bg-emerald-100 px-1.5 text-xs font-medium text-emerald-800">免费</span>
      )}
      {article.tags.map((t) => (
        <Link key={t} href={tagPath(t)} className="text-stone-600 hover:text-stone-900 hover:underline">
          #{t}
        </Link>
      ))}
    </div>
  );
}
