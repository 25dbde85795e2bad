import Link from "next/link";
import { listPublishedArticles } from "@/lib/articles/queries";
import { plainExcerpt } from "@/lib/articles/markdown";
import { Price } from "@/components/price";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const articles = await listPublishedArticles();
  if (articles.length === 0) return <p className="text-stone-500">还没有文章。</p>;
  return (
    <ul className="space-y-4">
      {articles.map((a) => (
        <li key={a.id} className="rounded-lg bg-white p-4 shadow-sm">
          <Link href={`/posts/${a.slug}`} className="block">
            <div className="flex items-baseline justify-between gap-3">
              <h2 className="text-lg font-semibold">{a.title}</h2>
              <Price cents={a.priceCents} className={a.priceCents ? "shrink-0 text-orange-600" : "shrink-0 text-emerald-700"} />
            </div>
            <p className="mt-2 text-sm text-stone-600">{plainExcerpt(a.teaser)}</p>
          </Link>
        </li>
      ))}
    </ul>
  );
}
