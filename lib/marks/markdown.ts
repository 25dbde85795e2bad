import { markUnits, skeletonOf, type Skeleton, type TextUnit } from "@/lib/marks/schedule";
import type { Slot } from "@/lib/marks/carriers";

/**
 * Marks in a post's Markdown (the 下载全部 Markdown file): the same slots as in its HTML, because
 * only what becomes prose text is markable — not code (fenced blocks, `spans`), image syntax
 * (its alt text is an attribute in HTML), link targets, raw HTML tags or comments.
 */
const UNMARKED = new RegExp(
  [
    /^(?:```|~~~)[^\n]*\n[\s\S]*?^(?:```|~~~)[ \t]*$/.source, // fenced code
    /<!--[\s\S]*?-->/.source, // comments (the <!-- more --> divider)
    /`+[^`\n]*`+/.source, // code spans
    /!\[[^\]\n]*\]\([^)\n]*\)/.source, // images, alt text included
    /\]\([^)\n]*\)/.source, // link targets
    /<[^>\n]+>/.source, // raw HTML tags, autolinks
  ].join("|"),
  "gm",
);

function unitsOf(markdown: string): TextUnit[] {
  const units: TextUnit[] = [];
  let at = 0;
  for (const m of markdown.matchAll(UNMARKED)) {
    if (m.index > at) units.push({ text: markdown.slice(at, m.index), markable: true });
    units.push({ text: m[0], markable: false });
    at = m.index + m[0].length;
  }
  if (at < markdown.length) units.push({ text: markdown.slice(at), markable: true });
  return units;
}

export function markMarkdownWith(markdown: string, put: (slot: Slot) => string): string {
  return markUnits(unitsOf(markdown), put).join("");
}

export function markdownSkeleton(markdown: string): Skeleton {
  return skeletonOf(unitsOf(markdown));
}
