import path from "node:path/posix";
import { asList, readFrontMatter, str } from "@/lib/import/front-matter";
import { parseBlogDate } from "@/lib/import/dates";
import { cleanTags, toSlug } from "@/lib/import/slug";
import { parsePrice, placeDivider } from "@/lib/import/teaser";
import { IMAGE_FILE, rewriteImages, ZipImages } from "@/lib/import/images";
import { MARKDOWN_FILE, oldAddresses, readConfig, type Flavour, type SiteConfig } from "@/lib/import/permalinks";
import { brokenFile, type ImportedPost, type Note, type ParsedImport } from "@/lib/import/types";

/**
 * A zip of Markdown as Hexo, Hugo, Jekyll and Obsidian keep it (and as our own
 * export writes it). Which files are posts depends on the tool: Hexo's
 * source/_posts (and _drafts), Jekyll's _posts/YYYY-MM-DD-slug.md (and _drafts),
 * Hugo's content/<section>/ (a page bundle's index.md is the post), our export's
 * posts/; in an Obsidian vault or a plain folder every note is a post. Pages,
 * list pages and read-mes are skipped and listed.
 */
const CONFIG_FILE = /(^|\/)(_config\.ya?ml|hugo\.(toml|ya?ml)|config\.(toml|ya?ml))$/i;
const GENERATED = /(^|\/)(node_modules|public|_site|resources|themes|\.obsidian|\.trash)\//;

const EXPORT_REDIRECTS = /(^|\/)data\/redirects\.json$/;
export const wantedInZip = (name: string) =>
  MARKDOWN_FILE.test(name) ||
  IMAGE_FILE.test(name) ||
  CONFIG_FILE.test(name) ||
  /(^|\/)paywall-export\.json$/.test(name) ||
  EXPORT_REDIRECTS.test(name);

export function readMarkdownSite(files: Map<string, Buffer>, teaserChars: number): ParsedImport {
  const names = [...files.keys()].filter((n) => !GENERATED.test(n)).sort();
  const { flavour, root } = detect(names);
  const config = readConfig(files, root, flavour);
  const images = new ZipImages(files, root);
  const skipped: Note[] = [];
  const warnings: Note[] = [];
  const posts: ImportedPost[] = [];
  for (const name of names.filter((n) => MARKDOWN_FILE.test(n))) {
    const rel = name.slice(root.length);
    const kind = classify(flavour, rel);
    if (kind !== "post" && kind !== "draft") {
      skipped.push({ item: name, reason: kind });
      continue;
    }
    const text = files.get(name)!.toString("utf8");
    const post = readPost(name, rel, text, { flavour, config, draft: kind === "draft", teaserChars, warnings });
    post.markdown = rewriteImages(post.markdown, (link) => images.resolve(name, link, warnings));
    posts.push(post);
  }
  if (flavour === "export") exportedRedirects(files.get(`${root}data/redirects.json`), posts);
  return { format: "markdown", posts: linkNotes(posts), images: images.used, skipped, warnings };
}

/** Our own export's redirects to posts (data/redirects.json) come back as the posts' old addresses. */
function exportedRedirects(json: Buffer | undefined, posts: ImportedPost[]): void {
  if (!json) return;
  const bySlug = new Map(posts.map((p) => [p.slug, p]));
  try {
    for (const r of JSON.parse(json.toString("utf8")) as { fromPath?: string; article?: { slug?: string } | null }[]) {
      const post = r.article?.slug ? bySlug.get(r.article.slug) : undefined;
      if (post && r.fromPath && !post.oldPaths.includes(r.fromPath)) post.oldPaths.push(r.fromPath);
    }
  } catch {
    // A hand-edited redirects file costs the redirects, never the posts.
  }
}

function detect(names: string[]): { flavour: Flavour; root: string } {
  const find = (re: RegExp) => names.map((n) => re.exec(n)).find(Boolean);
  let m = find(/^(.*?)paywall-export\.json$/);
  if (m) return { flavour: "export", root: m[1] };
  m = find(/^(.*?)source\/(_posts|_drafts)\//);
  if (m) return { flavour: "hexo", root: m[1] };
  m = find(/^(.*?)(_posts|_drafts)\/(.*\/)?\d{4}-\d{1,2}-\d{1,2}-[^/]+$/);
  if (m) return { flavour: "jekyll", root: m[1] };
  m = find(/^(.*?)content\/.+\.(md|markdown)$/i);
  if (m) return { flavour: "hugo", root: m[1] };
  return { flavour: "notes", root: commonRoot(names) };
}

/** The folder every file is in (a zip of "my-vault/…"), so paths compare as the tool saw them. */
function commonRoot(names: string[]): string {
  const first = names[0]?.split("/") ?? [];
  let depth = 0;
  while (depth < first.length - 1 && names.every((n) => n.split("/")[depth] === first[depth] && n.split("/").length > depth + 1)) depth++;
  return depth ? `${first.slice(0, depth).join("/")}/` : "";
}

const PAGE = "页面（不是文章），未导入";
function classify(flavour: Flavour, rel: string): "post" | "draft" | string {
  if (/(^|\/)readme\.md$/i.test(rel)) return "说明文件，未导入";
  switch (flavour) {
    case "hexo":
      return rel.startsWith("source/_posts/") ? "post" : rel.startsWith("source/_drafts/") ? "draft" : PAGE;
    case "jekyll":
      return rel.startsWith("_posts/") ? "post" : rel.startsWith("_drafts/") ? "draft" : PAGE;
    case "hugo":
      if (!rel.startsWith("content/")) return PAGE;
      if (/(^|\/)_index\.[^/]+$/.test(rel)) return "栏目列表页（_index），未导入";
      return rel.split("/").length > 2 ? "post" : PAGE;
    case "export":
      return rel.startsWith("posts/") ? "post" : PAGE;
    default:
      return "post";
  }
}

interface PostContext {
  flavour: Flavour;
  config: SiteConfig;
  draft: boolean;
  teaserChars: number;
  warnings: Note[];
}

function readPost(entry: string, rel: string, text: string, ctx: PostContext): ImportedPost {
  const { data, body } = readFrontMatter(entry, text);
  const file = path.basename(rel).replace(MARKDOWN_FILE, "");
  const bundle = /^(index|_index)$/.test(file) ? path.basename(path.dirname(rel)) : file;
  const jekyll = /^(\d{4}-\d{1,2}-\d{1,2})-(.+)$/.exec(bundle);
  const fileSlug = jekyll ? jekyll[2] : bundle;
  const price = parsePrice(data.price);
  if ("error" in price) throw brokenFile(entry, lineOf(text, "price"), price.error);
  const date = parseBlogDate(data.publishDate ?? data.date ?? data.created ?? (jekyll ? jekyll[1] : undefined));
  const permalink = str(data.permalink) || str(data.url);
  const slug = toSlug(str(data.slug) || (permalink ? lastSegment(permalink) : "") || fileSlug, entry);
  const firstHeading = /^#\s+(.+)$/m.exec(body)?.[1]?.trim();
  const title = str(data.title) || (ctx.flavour === "notes" ? bundle : firstHeading) || bundle;
  const jk = ctx.flavour === "jekyll";
  const { tags, dropped } = cleanTags([...asList(data.tags, jk), ...asList(data.categories, jk), ...asList(data.category, jk)]);
  if (dropped.length) ctx.warnings.push({ item: entry, reason: `每篇文章最多 5 个标签，未导入：${dropped.join("、")}` });
  const draft = ctx.draft || data.draft === true || data.published === false || data.draft === "true";
  const categories = asList(data.categories ?? data.category, jk)
    .flat(2)
    .map(String);
  const oldPaths = draft ? [] : oldAddresses(rel, { ...ctx, data, date, fileSlug, slug, categories, permalink });
  return {
    source: entry,
    slug,
    title: title.slice(0, 200),
    markdown: placeDivider(body, price.cents, ctx.teaserChars),
    priceCents: price.cents,
    published: !draft,
    publishedAt: date,
    tags,
    oldPaths,
  };
}

const lastSegment = (link: string) =>
  link
    .replace(/\.html?$/i, "")
    .split("/")
    .filter(Boolean)
    .pop() ?? "";

function lineOf(text: string, key: string): number | null {
  const i = text.split(/\r?\n/).findIndex((l) => new RegExp(`^\\s*${key}\\s*[:=]`).test(l));
  return i >= 0 ? i + 1 : null;
}

/** Obsidian [[Other note]] / [[Other note|text]]: a link to the imported post, or its text when there is none. */
function linkNotes(posts: ImportedPost[]): ImportedPost[] {
  const bySource = new Map(posts.map((p) => [path.basename(p.source).replace(MARKDOWN_FILE, "").toLowerCase(), p.slug]));
  return posts.map((p) => ({
    ...p,
    markdown: p.markdown.replace(/(?<!!)\[\[([^\]|#]+)(?:#[^\]|]*)?(?:\|([^\]]+))?\]\]/g, (_, target: string, text?: string) => {
      const slug = bySource.get(target.trim().toLowerCase());
      const label = (text ?? target).trim();
      return slug ? `[${label}](/posts/${slug})` : label;
    }),
  }));
}
