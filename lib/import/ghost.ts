import { parseBlogDate } from "@/lib/import/dates";
import { htmlToMarkdown } from "@/lib/import/html";
import { cleanTags, toSlug } from "@/lib/import/slug";
import { placeDivider } from "@/lib/import/teaser";
import { normalizePath } from "@/lib/redirects/path";
import { brokenFile, type ImportedPost, type Note, type ParsedImport } from "@/lib/import/types";

/**
 * A Ghost export (Settings → Labs → Export: {"db":[{"meta","data":{posts,tags,posts_tags}}]}).
 * The text comes from `html` (what Ghost rendered), else from Markdown cards of an
 * old `mobiledoc`, else from `plaintext` with a warning (Lexical documents are
 * not converted). Ghost's public-preview divider `<!--members-only-->` becomes
 * our divider. Pages are skipped; tags starting with # are Ghost's internal ones.
 */
type Row = Record<string, unknown>;
const s = (v: unknown) => (typeof v === "string" ? v : typeof v === "number" ? String(v) : "");

export function readGhost(entry: string, json: string, teaserChars: number): ParsedImport {
  let doc: Row;
  try {
    doc = JSON.parse(json) as Row;
  } catch (e) {
    throw brokenFile(entry, jsonErrorLine(json, e), `JSON 格式错误（${(e as Error).message}）`);
  }
  const data = ((doc.db as Row[] | undefined)?.[0]?.data ?? doc.data) as Row | undefined;
  if (!data || !Array.isArray(data.posts))
    throw brokenFile(entry, null, "不是 Ghost 导出文件：请在 Ghost 后台 Settings → Labs → Export 下载");
  const tagName = new Map((data.tags as Row[] | undefined)?.map((t) => [s(t.id), s(t.name)]) ?? []);
  const tagsOf = new Map<string, string[]>();
  for (const pt of (data.posts_tags as Row[] | undefined) ?? []) {
    const name = tagName.get(s(pt.tag_id));
    if (name && !name.startsWith("#")) tagsOf.set(s(pt.post_id), [...(tagsOf.get(s(pt.post_id)) ?? []), name]);
  }
  const posts: ImportedPost[] = [];
  const skipped: Note[] = [];
  const warnings: Note[] = [];
  for (const p of data.posts as Row[]) {
    const label = `Ghost 文章「${s(p.title) || s(p.slug)}」`;
    if (p.type === "page" || p.page === 1 || p.page === true) {
      skipped.push({ item: label, reason: "页面，未导入（本站只有文章）" });
      continue;
    }
    const { markdown, note } = ghostText(p);
    if (note) warnings.push({ item: label, reason: note });
    if (p.visibility && p.visibility !== "public") {
      warnings.push({ item: label, reason: "原文仅会员可见：已按免费文章导入，请在编辑器里设置价格" });
    }
    const { tags, dropped } = cleanTags(tagsOf.get(s(p.id)) ?? []);
    if (dropped.length) warnings.push({ item: label, reason: `每篇文章最多 5 个标签，未导入：${dropped.join("、")}` });
    const published = p.status === "published" || p.status === "scheduled";
    const slug = toSlug(s(p.slug) || s(p.title), `ghost-${s(p.id)}`);
    posts.push({
      source: label,
      slug,
      title: (s(p.title) || "（无标题）").slice(0, 200),
      markdown: placeDivider(markdown, 0, teaserChars),
      priceCents: 0,
      published,
      publishedAt: parseBlogDate(p.published_at ?? p.created_at),
      tags,
      oldPaths: published ? [normalizePath(`/${s(p.slug)}/`)].filter((x): x is string => !!x && x !== `/posts/${slug}`) : [],
    });
  }
  return { format: "ghost", posts, images: new Map(), skipped, warnings };
}

function ghostText(p: Row): { markdown: string; note?: string } {
  const html = s(p.html);
  if (html) return { markdown: htmlToMarkdown(html.replace(/<!--\s*members-only\s*-->/g, "<!--paywall-->")) };
  const cards = mobiledocMarkdown(s(p.mobiledoc));
  if (cards) return { markdown: cards };
  const plain = s(p.plaintext);
  return { markdown: plain, note: "导出文件里没有 HTML，只导入了纯文本（格式、图片和链接需要手工补上）" };
}

/** The Markdown and HTML cards of a mobiledoc document (Ghost 1–3 stored Markdown posts as one markdown card). */
function mobiledocMarkdown(mobiledoc: string): string {
  if (!mobiledoc) return "";
  try {
    const doc = JSON.parse(mobiledoc) as { cards?: [string, Row][] };
    return (doc.cards ?? [])
      .map(([kind, payload]) => (kind === "markdown" ? s(payload.markdown) : kind === "html" ? htmlToMarkdown(s(payload.html)) : ""))
      .filter(Boolean)
      .join("\n\n");
  } catch {
    return "";
  }
}

function jsonErrorLine(json: string, e: unknown): number | null {
  const msg = (e as Error).message;
  const lc = /line (\d+)/.exec(msg);
  if (lc) return Number(lc[1]);
  const pos = /position (\d+)/.exec(msg);
  return pos ? json.slice(0, Number(pos[1])).split("\n").length : null;
}
