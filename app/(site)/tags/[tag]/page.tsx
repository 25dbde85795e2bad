import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { listPublishedPage } from "@/lib/articles/queries";
import { tagFromParam, tagPath } from "@/lib/articles/tags";
import { siteSettings } from "@/lib/settings/store";
import { feedAlternates } from "@/lib/feeds/links";
import { PostCard } from "@/components/post-card";
import { Pagination, pageParam } from "@/components/pagination";

// Built per request from the database (and the reader's cookie): never prerendered at build time.
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ tag: string }>; searchParams: Promise<{ page?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const tag = tagFromParam((await params).tag);
  if (!tag) return {};
  return { title: `标签：${tag}`, alternates: { canonical: tagPath(tag), types: feedAlternates((await siteSettings()).siteName) } };
}

/** /tags/{tag}: the tag's published posts, newest first, paginated like the home page. */
export default async function TagPage({ params, searchParams }: Props) {
  const tag = tagFromParam((await params).tag);
  const page = pageParam((await searchParams).page);
  if (!tag || page === null) notFound();
  const list = await listPublishedPage({ page, tag });
  if (list.total === 0 || page > list.pages) notFound();
  return (
    <div>
      <h1 className="mb-4 text-2xl font-bold">
        标签：{tag} <span className="text-base font-normal text-stone-500">{list.total} 篇</span>
      </h1>
      <ul className="space-y-4">
        {list.items.map((a) => (
          <PostCard key={a.id} article={a} />
        ))}
      </ul>
      <Pagination base={tagPath(tag)} page={list.page} pages={list.pages} />
    </div>
  );
}
