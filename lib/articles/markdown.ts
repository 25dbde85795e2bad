import { LRUCache } from "lru-cache";
import { marked } from "marked";
import sanitizeHtml from "sanitize-html";
import { decodeHTML } from "entities";
import { mediaSize } from "@/lib/media/image";

/**
 * Articles are Markdown; the Hexo/WordPress divider `<!-- more -->` separates
 * the public teaser from the gated body. A paid article without a divider is
 * gated as a whole (empty teaser).
 */
const DIVIDER = /^[ \t]*<!--\s*more\s*-->[ \t]*$/m;

export function splitMarkdown(markdown: string, priceCents: number): { teaser: string; body: string } {
  const text = markdown.replace(/\r\n/g, "\n");
  const m = DIVIDER.exec(text);
  if (!m) return priceCents > 0 ? { teaser: "", body: text.trim() } : { teaser: text.trim(), body: "" };
  return { teaser: text.slice(0, m.index).trim(), body: text.slice(m.index + m[0].length).trim() };
}

/**
 * The inverse of splitMarkdown. A paid post always gets the divider, even with
 * an empty body: without it the next save would re-split the text as "no
 * divider" and move the public teaser behind the paywall.
 */
export function joinMarkdown(teaser: string, body: string, paid: boolean): string {
  if (!body && !paid) return teaser;
  return [teaser, "<!-- more -->", body].filter(Boolean).join("\n\n");
}

const allowed: sanitizeHtml.IOptions = {
  allowedTags: [...sanitizeHtml.defaults.allowedTags, "img", "del", "ins", "sup", "sub", "details", "summary"],
  allowedAttributes: {
    a: ["href", "title", "name"],
    img: ["src", "alt", "title", "width", "height", "loading", "decoding"],
    code: ["class"],
    th: ["align"],
    td: ["align"],
  },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: { img: ["http", "https", "data"] },
  transformTags: {
    a: sanitizeHtml.simpleTransform("a", { rel: "noopener noreferrer nofollow" }),
    img: (tagName, attribs) => ({ tagName, attribs: imageAttributes(attribs) }),
  },
};

/**
 * Images load lazily and off the main thread; CSS keeps them within the column
 * (max-width: 100%, height: auto). Our own uploads carry their size in the name,
 * so the page reserves the right space before the picture arrives.
 */
function imageAttributes(attribs: sanitizeHtml.Attributes): sanitizeHtml.Attributes {
  const size = attribs.width || attribs.height ? null : mediaSize(attribs.src ?? "");
  return { ...attribs, ...(size ? { width: String(size.width), height: String(size.height) } : {}), loading: "lazy", decoding: "async" };
}

// A soft line break between two Chinese characters would render as a space
// (Markdown's rule for Western text); Chinese writers wrap lines without one.
const CJK = "\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef";
const CJK_SOFT_BREAK = new RegExp(`([${CJK}])[ \\t]*\\n[ \\t]*(?=[${CJK}])`, "g");

function joinCjkLines(markdown: string): string {
  // Leave fenced code blocks alone: line breaks there are content.
  return markdown
    .split(/(^```[\s\S]*?^```)/m)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(CJK_SOFT_BREAK, "$1")))
    .join("");
}

/** Markdown → sanitised HTML: no scripts, no event handlers, no javascript: links. */
export function renderMarkdown(markdown: string): string {
  const cached = rendered.get(markdown);
  if (cached !== undefined) return cached;
  const html = sanitizeHtml(marked.parse(joinCjkLines(markdown), { async: false, gfm: true, breaks: false }) as string, allowed);
  rendered.set(markdown, html);
  return html;
}

// Every article view renders the same teaser again; parsing and sanitising is
// most of a page's server time. Keyed by the Markdown itself, so an edit can
// never be served stale. Bounded in bytes (a post may be 500,000 characters, so
// a count bound alone could hold gigabytes), least recently used out first; an
// entry bigger than a quarter of the budget is rendered each time instead.
export const RENDER_CACHE_BYTES = 16 * 1024 * 1024;
const rendered = new LRUCache<string, string>({
  maxSize: RENDER_CACHE_BYTES,
  maxEntrySize: RENDER_CACHE_BYTES / 4,
  // UTF-16 strings: two bytes per code unit, key and value.
  sizeCalculation: (html, markdown) => Math.max(1, 2 * (html.length + markdown.length)),
});

/** Bytes the render cache holds now (tests and diagnostics). */
export const renderCacheBytes = () => rendered.calculatedSize;

/**
 * Markdown as plain text. sanitize-html returns HTML text ("A &amp; B"); React
 * escapes again, so decode to the characters.
 */
export function plainText(markdown: string): string {
  const html = sanitizeHtml(marked.parse(joinCjkLines(markdown), { async: false }) as string, { allowedTags: [], allowedAttributes: {} });
  return decodeHTML(html).replace(/\s+/g, " ").trim();
}

/** Plain-text excerpt for listings and meta descriptions. */
export function plainExcerpt(markdown: string, max = 120): string {
  const text = plainText(markdown);
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** The first image of some (public!) Markdown, as rendered for readers: the share card's picture. */
export function firstImage(markdown: string): string | null {
  return /<img [^>]*src="([^"]+)"/.exec(renderMarkdown(markdown))?.[1] ?? null;
}
