import { randomBytes } from "node:crypto";
import { mkdir, rename, stat, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Tx } from "@/lib/db/client";
import { withTx } from "@/lib/db/tx";
import { newId } from "@/lib/ids";
import { mediaDir } from "@/lib/config";
import { splitMarkdown } from "@/lib/articles/markdown";
import { readingMinutes } from "@/lib/articles/reading";
import { forgetPublicPosts } from "@/lib/articles/cache";
import { reservedPath } from "@/lib/redirects/path";
import { forgetRedirects } from "@/lib/redirects/store";
import type { ImportedPost, ImportSummary, Note, ParsedImport } from "@/lib/import/types";

/**
 * Writes a parsed import: every row in one transaction (posts, tags, redirects),
 * so a failure leaves nothing behind; the images are written to temporary files
 * first (a full disk fails the import before anything is committed) and renamed
 * into place only after the commit, or deleted. Posts are matched by slug: one
 * this importer made before is updated, one the owner wrote here is never
 * touched (listed as skipped). Old addresses become redirects to the post.
 */
const TX_TIMEOUT_MS = 120_000;

export async function applyImport(parsed: ParsedImport, now = new Date()): Promise<ImportSummary> {
  const staged = await stageImages(parsed.images);
  let summary: ImportSummary;
  try {
    summary = await withTx((tx) => writeRows(tx, parsed, now), 3, TX_TIMEOUT_MS);
  } catch (e) {
    await Promise.all(staged.map((s) => unlink(s.tmp).catch(() => {})));
    throw e;
  }
  // Renames only after the commit: a post never links an image that a rolled-back import left behind.
  await Promise.all(staged.map((s) => rename(s.tmp, s.file)));
  forgetPublicPosts();
  forgetRedirects();
  return { ...summary, images: parsed.images.size };
}

/**
 * Bulk statements (a few per 500 rows) rather than one round trip per row: a
 * 500-post WordPress site has about 1,500 rows, and on SQLite the transaction
 * holds the write lock (payments wait) for as long as it runs.
 */
const CHUNK = 500;
const chunks = <T>(list: T[]): T[][] =>
  Array.from({ length: Math.ceil(list.length / CHUNK) }, (_, i) => list.slice(i * CHUNK, (i + 1) * CHUNK));

async function writeRows(tx: Tx, parsed: ParsedImport, now: Date): Promise<ImportSummary> {
  const skipped: Note[] = [...parsed.skipped];
  const existing = new Map<string, { id: string; importedFrom: string | null }>();
  for (const slugs of chunks(parsed.posts.map((p) => p.slug))) {
    for (const a of await tx.article.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true, importedFrom: true } }))
      existing.set(a.slug, a);
  }
  const creates: { id: string; post: ImportedPost }[] = [];
  const updates: { id: string; post: ImportedPost }[] = [];
  for (const post of parsed.posts) {
    const found = existing.get(post.slug);
    if (found && !found.importedFrom) {
      skipped.push({ item: post.source, reason: `网址「${post.slug}」已被站内的另一篇文章使用，未覆盖（请先改那篇文章的网址再导入）` });
    } else if (found) updates.push({ id: found.id, post });
    else creates.push({ id: newId(), post });
  }
  for (const part of chunks(creates)) {
    await tx.article.createMany({ data: part.map(({ id, post }) => ({ id, slug: post.slug, ...columns(post, parsed.format, now) })) });
  }
  for (const { id, post } of updates) await tx.article.update({ where: { id }, data: columns(post, parsed.format, now) });
  for (const ids of chunks(updates.map((u) => u.id))) await tx.articleTag.deleteMany({ where: { articleId: { in: ids } } });
  const tags = [...creates, ...updates].flatMap(({ id, post }) => post.tags.map((tag) => ({ articleId: id, tag })));
  for (const part of chunks(tags)) await tx.articleTag.createMany({ data: part });
  const redirects = await writeRedirects(tx, [...creates, ...updates]);
  return { posts: creates.length, updated: updates.length, images: 0, redirects, skipped, warnings: parsed.warnings };
}

function columns(post: ImportedPost, format: string, now: Date) {
  const parts = splitMarkdown(post.markdown, post.priceCents);
  return {
    title: post.title,
    ...parts,
    readingMinutes: readingMinutes(parts.teaser, parts.body),
    priceCents: post.priceCents,
    published: post.published,
    publishedAt: post.publishedAt ?? (post.published ? now : null),
    importedFrom: format,
    demo: false,
  };
}

/** The posts' old addresses, as new or re-pointed redirects; one the owner set up by hand is left as it is. */
async function writeRedirects(tx: Tx, written: { id: string; post: ImportedPost }[]): Promise<number> {
  const wanted = new Map<string, string>();
  for (const { id, post } of written) {
    for (const from of post.oldPaths) if (!reservedPath(from) && from !== `/posts/${post.slug}` && !wanted.has(from)) wanted.set(from, id);
  }
  const current = new Map<string, { source: string; articleId: string | null }>();
  for (const paths of chunks([...wanted.keys()])) {
    for (const r of await tx.redirect.findMany({
      where: { fromPath: { in: paths } },
      select: { fromPath: true, source: true, articleId: true },
    }))
      current.set(r.fromPath, r);
  }
  const fresh = [...wanted].filter(([from]) => !current.has(from));
  for (const part of chunks(fresh)) {
    await tx.redirect.createMany({ data: part.map(([fromPath, articleId]) => ({ id: newId(), fromPath, articleId, source: "import" })) });
  }
  let moved = 0;
  for (const [fromPath, articleId] of wanted) {
    const r = current.get(fromPath);
    if (!r || r.source === "owner" || r.articleId === articleId) continue;
    await tx.redirect.update({ where: { fromPath }, data: { articleId, toPath: null } });
    moved++;
  }
  return fresh.length + moved;
}

interface Staged {
  tmp: string;
  file: string;
}

async function stageImages(images: Map<string, Buffer>): Promise<Staged[]> {
  if (images.size === 0) return [];
  const dir = mediaDir();
  await mkdir(dir, { recursive: true });
  const staged: Staged[] = [];
  try {
    for (const [name, bytes] of images) {
      const file = path.join(dir, name);
      // Content-addressed: a file already there is this very image.
      if (
        await stat(file).then(
          () => true,
          () => false,
        )
      )
        continue;
      const tmp = path.join(dir, `.${name}.${randomBytes(6).toString("hex")}.tmp`);
      await writeFile(tmp, bytes);
      staged.push({ tmp, file });
    }
  } catch (e) {
    await Promise.all(staged.map((s) => unlink(s.tmp).catch(() => {})));
    throw e;
  }
  return staged;
}
