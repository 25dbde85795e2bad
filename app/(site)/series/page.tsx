import Link from "next/link";
import { listPublishedSeries } from "@/lib/series/queries";
import { Price } from "@/components/price";

// Built per request from the database (and the reader's cookie): never prerendered at build time.
export const dynamic = "force-dynamic";
export const metadata = { title: "专栏" };

export default async function SeriesIndexPage() {
  const series = await listPublishedSeries();
  return (
    <div>
      <h1 className="text-2xl font-bold">专栏</h1>
      {series.length === 0 && <p className="mt-4 text-stone-500">还没有专栏。</p>}
      <ul className="mt-4 space-y-4">
        {series.map((s) => (
          <li key={s.id} className="rounded-lg bg-white p-4 shadow-sm">
            <Link href={`/series/${s.slug}`} className="block">
              <div className="flex items-baseline justify-between gap-3">
                <h2 className="text-lg font-semibold">{s.title}</h2>
                <Price cents={s.priceCents} className="shrink-0 text-orange-600" />
              </div>
              {s.description && <p className="mt-2 line-clamp-2 text-sm text-stone-600">{s.description}</p>}
              <p className="mt-1 text-xs text-stone-400">{s.posts} 篇文章</p>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
