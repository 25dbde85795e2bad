import { yuanToCents } from "@/lib/money";
import { plainText } from "@/lib/articles/markdown";

/**
 * The paywall rules for imported posts:
 * - front matter `price` in yuan (3, 2.5, "2.50") makes a post paid;
 * - the public part ends at the first `<!-- more -->` or `<!-- paywall -->` line,
 *   which becomes our divider `<!-- more -->`;
 * - a paid post without either is cut after its first blocks once they reach the
 *   site's default teaser length (设置 → 默认试读字数), never inside a code block; 0 gates it all.
 */
const DIVIDER_LINE = /^[ \t]*<!--\s*(more|paywall)\b[^>]*?-->[ \t]*$/im;
export const DIVIDER = "<!-- more -->";

/** Cents from a front-matter price, or an error message (null price = free). */
export function parsePrice(value: unknown): { cents: number } | { error: string } {
  if (value === undefined || value === null || value === "" || value === false) return { cents: 0 };
  const text = typeof value === "number" ? String(value) : typeof value === "string" ? value.replace(/^[¥￥]|元$/g, "").trim() : null;
  const cents = text === null ? null : /e/i.test(text) ? null : yuanToCents(text);
  if (cents === null) return { error: `price 应为以元计的金额，例如 3 或 2.5（收到 ${JSON.stringify(value)}）` };
  if (cents > 100_000_00) return { error: "price 过高（上限 ¥100000）" };
  return { cents };
}

/** The Markdown with our divider in place (first more/paywall line, else the default length for a paid post). */
export function placeDivider(markdown: string, priceCents: number, teaserChars: number): string {
  const text = markdown.replace(/\r\n?/g, "\n").trim();
  const m = DIVIDER_LINE.exec(text);
  if (m) return `${text.slice(0, m.index).trimEnd()}\n\n${DIVIDER}\n\n${text.slice(m.index + m[0].length).trimStart()}`.trim();
  if (priceCents === 0) return text;
  const blocks = splitBlocks(text);
  let count = 0;
  let cut = 0;
  if (teaserChars > 0) {
    while (cut < blocks.length - 1 && count < teaserChars) count += plainText(blocks[cut++]).length;
  }
  return [...blocks.slice(0, cut), DIVIDER, ...blocks.slice(cut)].join("\n\n");
}

/** Top-level blocks separated by blank lines; a fenced code block is one block, blank lines and all. */
export function splitBlocks(text: string): string[] {
  const blocks: string[] = [];
  let current: string[] = [];
  let fence: string | null = null;
  for (const line of text.split("\n")) {
    const f = /^\s*(```+|~~~+)/.exec(line);
    if (f && (!fence || f[1].startsWith(fence))) fence = fence ? null : f[1];
    if (!fence && line.trim() === "" && !f) {
      if (current.length) blocks.push(current.join("\n"));
      current = [];
    } else current.push(line);
  }
  if (current.length) blocks.push(current.join("\n"));
  return blocks;
}
