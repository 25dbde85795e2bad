import Link from "next/link";
import { listTags } from "@/lib/articles/queries";
import { tagPath } from "@/lib/articles/tags";

// Built per request from the database (and the reader's cookie): never prerendered at build time.
export const dynamic = "force-dynamic";
export const metadata = { title: "全部标签" };

export default async function TagsPage() {
  const tags = await listTags();
  return (
    <div>
      <h1 className="text-2xl font-bold">全部标签</h1>
      {tags.length === 0 ? (
        <p className="mt-4 text-stone-500">还没有标签。</p>
      ) : (
        <ul className="mt-4 flex flex-wrap gap-2">
          {tags.map((t) => (
            <li key={t.tag}>
              <Link href={tagPath(t.tag)} className="inline-block rounded-full bg-white px-3 py-1 text-sm shadow-sm hover:bg-stone-100">
                #{t.tag} <span className="text-stone-400">{t.count}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
