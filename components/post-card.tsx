import Link from "next/link";
import { plainExcerpt } from "@/lib/articles/markdown";
import type { PublicArticle } from "@/lib/articles/queries";
import { PostMeta } from "@/components/post-meta";

/** One post in a list: title, date, reading time, free/paid, tags and the start of its public teaser. */
export function PostCard({ article: a }: { article: PublicArticle }) {
  const excerpt = plainExcerpt(a.teaser);
  return (
    <li className="rounded-lg bg-white p-4 shadow-sm">
      <h2 className="text-lg font-semibold">
        <Link href={`/posts/${a.slug}`} className="hover:underline">
          {a.title}
        </Link>
      </h2>
      <PostMeta article={a} />
      {excerpt && <p className="mt-2 text-sm text-stone-600">{excerpt}</p>}
    </li>
  );
}
