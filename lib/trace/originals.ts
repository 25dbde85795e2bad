import { LRUCache } from "lru-cache";
import { db } from "@/lib/db/client";
import { renderMarkdown } from "@/lib/articles/markdown";
import { htmlSkeleton } from "@/lib/marks/html";
import { markdownSkeleton } from "@/lib/marks/markdown";
import { prepare, type Prepared } from "@/lib/trace/evidence";

/**
 * Every paid post (published or not) as the tracer aligns copies against it: in the two forms a
 * mark is placed in — the HTML readers' browsers, feeds and EPUBs get, and the Markdown download.
 * Prepared once per post version (keyed by its update time) and kept in memory.
 */
export interface Original {
  id: string;
  slug: string;
  title: string;
  forms: { name: "html" | "markdown"; prepared: Prepared }[];
}

const cache = new LRUCache<string, Original["forms"]>({ max: 2000 });

export async function paidOriginals(): Promise<Original[]> {
  const rows = await db().article.findMany({
    where: { priceCents: { gt: 0 } },
    select: { id: true, slug: true, title: true, body: true, updatedAt: true },
  });
  return rows.map((r) => {
    const key = `${r.id}@${r.updatedAt.getTime()}`;
    let forms = cache.get(key);
    if (!forms) {
      forms = [
        { name: "html", prepared: prepare(htmlSkeleton(renderMarkdown(r.body))) },
        { name: "markdown", prepared: prepare(markdownSkeleton(r.body)) },
      ];
      cache.set(key, forms);
    }
    return { id: r.id, slug: r.slug, title: r.title, forms };
  });
}
