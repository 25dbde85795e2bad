import { markedMarkdown } from "@/lib/marks/deliver";
import type { LibraryItem } from "@/lib/library/collect";
import { chinaDay } from "@/lib/china-time";

/**
 * The library as one Markdown file: every post with its title, date and link, its public opening
 * as written, then the gated text as the owner wrote it, with the reader's mark in the prose.
 */
export function libraryMarkdown(i: { siteName: string; origin: string; items: LibraryItem[]; now?: Date }): string {
  const head = `# ${i.siteName} · 我的购买\n\n导出于 ${chinaDay(i.now ?? new Date())}，共 ${i.items.length} 篇。仅供本人阅读，请勿转载。\n`;
  const posts = i.items.map(({ article: a, body, mark }) => {
    const absolute = (md: string) => md.replace(/(\]\()\/(?!\/)/g, `$1${i.origin}/`);
    const meta = `> ${chinaDay(a.publishedAt ?? a.createdAt)} · [原文](${i.origin}/posts/${a.slug})`;
    return [`## ${a.title}`, meta, absolute(a.teaser), absolute(markedMarkdown(body, mark))].filter(Boolean).join("\n\n");
  });
  return [head, ...posts].join("\n\n---\n\n") + "\n";
}
