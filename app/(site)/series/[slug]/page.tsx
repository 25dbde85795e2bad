import type { Metadata } from "next";
import { cookies } from "next/headers";
import { notFound } from "next/navigation";
import Link from "next/link";
import { cache } from "react";
import { findPublishedSeries } from "@/lib/series/queries";
import { readableArticleIds, readerOwns } from "@/lib/entitlements/check";
import { READER_COOKIE } from "@/lib/readers/session";
import { readerFromCookieValue } from "@/lib/readers/links";
import { isDemoMode } from "@/lib/devices/demo-mode";
import { formatCents } from "@/lib/money";
import { BuyButton } from "@/components/buy-button";
import { siteSettings } from "@/lib/settings/store";

// Built per request from the database (and the reader's cookie): never prerendered at build time.
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

const findSeries = cache(findPublishedSeries);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const s = await findSeries((await params).slug);
  return s ? { title: `专栏：${s.title}`, description: s.description.slice(0, 150) } : {};
}

/** A series page: its posts marked free, paid or unlocked for this reader, and the button to buy all of them. */
export default async function SeriesPage({ params }: Props) {
  const series = await findSeries((await params).slug);
  if (!series) notFound();
  const readerId = await readerFromCookieValue((await cookies()).get(READER_COOKIE)?.value);
  const [owned, readable] = await Promise.all([
    readerOwns(readerId, { kind: "series", seriesId: series.id }),
    readableArticleIds(readerId, series.posts),
  ]);
  return (
    <div>
      <p className="text-sm text-orange-600">专栏</p>
      <h1 className="text-2xl font-bold leading-snug">{series.title}</h1>
      {series.description && <p className="mt-3 whitespace-pre-line text-stone-700">{series.description}</p>}
      <div className="mt-4">
        {owned ? (
          <p className="rounded bg-emerald-50 p-3 text-sm text-emerald-800">你已拥有这个专栏，以后加入的文章也会自动解锁。</p>
        ) : (
          <div className="flex flex-wrap items-center gap-3">
            <BuyButton
              body={{ seriesSlug: series.slug }}
              label="购买专栏"
              title={`购买专栏「${series.title}」`}
              priceCents={series.priceCents}
              demo={await isDemoMode()}
              channelOrder={(await siteSettings()).channelOrder}
            />
            <span className="text-sm text-stone-500">一次购买，解锁专栏内全部文章（含以后新增）</span>
          </div>
        )}
      </div>
      <h2 className="mt-8 font-semibold">文章（{series.posts.length}）</h2>
      <ul className="mt-2 divide-y divide-stone-200 rounded-lg bg-white" data-testid="series-posts">
        {series.posts.map((p) => {
          const free = p.priceCents <= 0;
          const open = readable.has(p.id);
          return (
            <li key={p.id} className="flex items-baseline justify-between gap-3 p-3">
              <Link href={`/posts/${p.slug}`} className="underline">
                {p.title}
              </Link>
              <span className={`shrink-0 text-sm ${free || open ? "text-emerald-700" : "text-orange-600"}`}>
                {free ? "免费" : open ? "已解锁" : `¥${formatCents(p.priceCents)}`}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
