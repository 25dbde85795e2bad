import { XMLParser, XMLValidator } from "fast-xml-parser";
import { parseBlogDate } from "@/lib/import/dates";
import { htmlToMarkdown } from "@/lib/import/html";
import { cleanTags, toSlug } from "@/lib/import/slug";
import { parsePrice, placeDivider } from "@/lib/import/teaser";
import { rewriteImages, type ZipImages } from "@/lib/import/images";
import { normalizePath } from "@/lib/redirects/path";
import { brokenFile, type ImportedPost, type Note, type ParsedImport } from "@/lib/import/types";

/**
 * A WordPress export (WXR: RSS 2.0 with the wp: namespace, Tools → Export).
 * Posts come across published (status publish / future) or as drafts (draft,
 * pending, private, password-protected); pages, attachments, menu items and the
 * rest are listed as skipped, and so are comments (this site has none). The
 * images are not in the XML: their links stay, unless the zip the XML came in
 * also holds wp-content/uploads.
 */
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  parseTagValue: false,
  trimValues: true,
  processEntities: true,
  isArray: (name) => ["item", "category", "wp:comment", "wp:postmeta"].includes(name),
});

type Node = Record<string, unknown>;
const text = (v: unknown): string =>
  typeof v === "string" ? v : v && typeof v === "object" && "#text" in v ? String((v as Node)["#text"]) : "";
const SKIP_TYPES: Record<string, string> = {
  page: "页面，未导入（本站只有文章）",
  attachment: "附件（媒体库条目），未导入：图片文件不在 XML 里",
  nav_menu_item: "导航菜单项，未导入",
  revision: "修订版本，未导入",
};
const DEFAULT_CATEGORIES = new Set(["uncategorized", "未分类"]);

export function readWxr(entry: string, xml: string, teaserChars: number, images?: ZipImages): ParsedImport {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw brokenFile(entry, valid.err.line, `XML 格式错误（${valid.err.msg}）`);
  const doc = parser.parse(xml) as Node;
  const channel = (doc.rss as Node | undefined)?.channel as Node | undefined;
  if (!channel || !("wp:wxr_version" in channel || "wp:base_site_url" in channel)) {
    throw brokenFile(entry, null, "不是 WordPress 导出文件（WXR）：请在 WordPress 后台「工具 → 导出」下载");
  }
  const posts: ImportedPost[] = [];
  const skipped: Note[] = [];
  const warnings: Note[] = [];
  for (const item of (channel.item as Node[] | undefined) ?? []) {
    const id = text(item["wp:post_id"]);
    const title = text(item.title) || "（无标题）";
    const label = `WordPress ${text(item["wp:post_type"]) === "post" ? "文章" : "条目"} #${id}「${title}」`;
    const type = text(item["wp:post_type"]);
    const status = text(item["wp:status"]);
    if (type !== "post") {
      skipped.push({ item: label, reason: SKIP_TYPES[type] ?? `类型 ${type || "未知"}，未导入` });
      continue;
    }
    if (status === "trash" || status === "auto-draft" || status === "inherit") {
      skipped.push({ item: label, reason: status === "trash" ? "在回收站中，未导入" : "自动草稿，未导入" });
      continue;
    }
    const comments = (item["wp:comment"] as Node[] | undefined)?.length ?? 0;
    if (comments) skipped.push({ item: `${label} 的 ${comments} 条评论`, reason: "评论不导入（本站没有评论功能）" });
    posts.push(readItem(item, { id, title, label, status, teaserChars, warnings, images }));
  }
  return { format: "wordpress", posts, images: images?.used ?? new Map(), skipped, warnings };
}

interface ItemContext {
  id: string;
  title: string;
  label: string;
  status: string;
  teaserChars: number;
  warnings: Note[];
  images?: ZipImages;
}

function readItem(item: Node, c: ItemContext): ImportedPost {
  const meta = new Map(((item["wp:postmeta"] as Node[] | undefined) ?? []).map((m) => [text(m["wp:meta_key"]), text(m["wp:meta_value"])]));
  const price = parsePrice(meta.get("price") ?? meta.get("paywall_price"));
  if ("error" in price) throw brokenFile(c.label, null, price.error);
  const password = text(item["wp:post_password"]);
  if (password) c.warnings.push({ item: c.label, reason: "原文有访问密码：已导入为草稿，请检查后再发布" });
  if (c.status === "private") c.warnings.push({ item: c.label, reason: "原文为私密文章：已导入为草稿" });
  const published = (c.status === "publish" || c.status === "future") && !password;
  const gmt = text(item["wp:post_date_gmt"]);
  const date = gmt && !gmt.startsWith("0000") ? parseBlogDate(`${gmt.replace(" ", "T")}Z`) : parseBlogDate(text(item["wp:post_date"]));
  const categories = ((item.category as unknown[] | undefined) ?? []).filter(
    (cat) => !DEFAULT_CATEGORIES.has(String((cat as Node)["@_nicename"] ?? text(cat)).toLowerCase()),
  );
  const { tags, dropped } = cleanTags(categories.map(text));
  if (dropped.length) c.warnings.push({ item: c.label, reason: `每篇文章最多 5 个标签，未导入：${dropped.join("、")}` });
  let markdown = htmlToMarkdown(text(item["content:encoded"]));
  if (c.images) markdown = rewriteImages(markdown, (link) => c.images!.resolveUpload(c.label, link, c.warnings));
  const link = normalizePath(text(item.link));
  const oldPaths = published ? [...new Set([link, normalizePath(`/?p=${c.id}`)].filter((p): p is string => !!p && p !== "/"))] : [];
  return {
    source: c.label,
    slug: toSlug(text(item["wp:post_name"]) || c.title, `wp-${c.id}`),
    title: c.title.slice(0, 200),
    markdown: placeDivider(markdown, price.cents, c.teaserChars),
    priceCents: price.cents,
    published,
    publishedAt: date,
    tags,
    oldPaths,
  };
}
