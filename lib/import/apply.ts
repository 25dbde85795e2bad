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

async function writeRows(tx: Tx, parsed: ParsedImport, now: Date): Promise<ImportSummary> {
  const skipped: Note[] = [...parsed.skipped];
  const existing = new Map(
    (await tx.article.findMany({ where: { slug: { in: parsed.posts.map((p) => p.slug) } }, select: { id: true, slug: true, importedFrom: true } })).map(
      (a) => [a.slug, a],
    ),
  );
  let created = 0;
  let updated = 0;
  let redirects = 0;
  for (const post of parsed.posts) {
    const found = existing.get(post.slug);
    if (found && !found.importedFrom) {
      skipped.push({ item: post.source, reason: `网址「${post.slug}」已被站内的另一篇文章使用，未覆盖（请先改那篇文章的网址再导入）` });
      continue;
    }
    const data = columns(post, parsed.format, now);
    let id: string;
    if (found) {
      id = found.id;
      await tx.article.update({ where: { id }, data: { ...data, tags: { deleteMany: {}, create: post.tags.map((tag) => ({ tag })) } } });
      updated++;
    } else {
      id = newId();
      await tx.article.create({ data: { id, slug: post.slug, ...data, tags: { create: post.tags.map((tag) => ({ tag })) } } });
      created++;
    }
    redirects += await writeRedirects(tx, id, post);
  }
  return { posts: created, updated, images: 0, redirects, skipped, warnings: parsed.warnings };
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

/** The post's old addresses; one the owner set up by hand is left as it is. */
async function writeRedirects(tx: Tx, articleId: string, post: ImportedPost): Promise<number> {
  let n = 0;
  for (const fromPath of post.oldPaths) {
    if (reservedPath(fromPath) || fromPath === `/posts/${post.slug}`) continue;
    const current = await tx.redirect.findUnique({ where: { fromPath }, select: { source: true, articleId: true } });
    if (current?.source === "owner") continue;
    if (current?.articleId === articleId) continue;
    await tx.redirect.upsert({
      where: { fromPath },
      create: { id: newId(), fromPath, articleId, source: "import" },
      update: { articleId, toPath: null },
    });
    n++;
  }
  return n;
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
      if (await stat(file).then(
        () => true,
        () => false,
      ))
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
