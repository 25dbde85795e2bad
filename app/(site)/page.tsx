import Link from "next/link";
import { notFound } from "next/navigation";
import { listPublishedPage, listTags } from "@/lib/articles/queries";
import { tagPath } from "@/lib/articles/tags";
import { PostCard } from "@/components/post-card";
import { Pagination, pageParam } from "@/components/pagination";

// Built per request from the database (and the reader's cookie): never prerendered at build time.
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<{ page?: string | string[] }> };

export default async function HomePage({ searchParams }: Props) {
  const page = pageParam((await searchParams).page);
  if (page === null) notFound();
  const [list, tags] = await Promise.all([listPublishedPage({ page }), listTags()]);
  if (list.total === 0) return <p className="text-stone-500">还没有文章。</p>;
  if (page > list.pages) notFound();
  return (
    <>
      <ul className="space-y-4">
        {list.items.map((a) => (
          <PostCard key={a.id} article={a} />
        ))}
      </ul>
      <Pagination base="/" page={list.page} pages={list.pages} />
      {tags.length > 0 && (
        <p className="mt-8 flex flex-wrap gap-x-3 gap-y-1 text-sm text-stone-500">
          <span>标签：</span>
          {tags.map((t) => (
            <Link key={t.tag} href={tagPath(t.tag)} className="hover:text-stone-900 hover:underline">
              #{t.tag}
              <span className="text-stone-400">（{t.count}）</span>
            </Link>
          ))}
        </p>
      )}
    </>
  );
}
