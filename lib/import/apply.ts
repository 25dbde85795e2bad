import type { Tx } from "@/lib/db/client";
import { isUniqueViolation, withTx } from "@/lib/db/tx";
import { newId } from "@/lib/ids";
import { splitMarkdown } from "@/lib/articles/markdown";
import { readingMinutes } from "@/lib/articles/reading";
import { storeImagesIn } from "@/lib/media/store";
import { reservedPath } from "@/lib/redirects/path";
import { importMayMove, REDIRECT_SOURCE } from "@/lib/redirects/source";
import type { ImportedPost, ImportSummary, Note, ParsedImport } from "@/lib/import/types";

/**
 * Writes a parsed import in one transaction — the images first, then the posts
 * that link them, their tags and redirects — so a failure anywhere leaves
 * nothing behind, images included (they live in the database, lib/media/store.ts).
 * Posts are matched by slug: one this importer made before is updated, one the
 * owner wrote here is never touched (listed as skipped). Old addresses become
 * redirects to the post. The caches readers' pages come from are dropped by the
 * door after the request (lib/admin/content.ts).
 */
const TX_TIMEOUT_MS = 120_000;
/** Runs of the whole transaction when it lost a race on a unique key (below). */
const ATTEMPTS = 3;

export async function applyImport(parsed: ParsedImport, now = new Date()): Promise<ImportSummary> {
  for (let attempt = 1; ; attempt++) {
    try {
      const summary = await withTx(
        async (tx) => {
          await storeImagesIn(tx, parsed.images);
          return writeRows(tx, parsed, now);
        },
        3,
        TX_TIMEOUT_MS,
      );
      return { ...summary, images: parsed.images.size };
    } catch (e) {
      // Someone committed the same image (an upload of it) or a post with one of these slugs while this
      // ran: every row the attempt wrote is gone, and the next attempt reads them as existing ones.
      if (attempt >= ATTEMPTS || !isUniqueViolation(e)) throw e;
    }
  }
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
    if (!r || !importMayMove(REDIRECT_SOURCE.parse(r.source)) || r.articleId === articleId) continue;
    await tx.redirect.update({ where: { fromPath }, data: { articleId, toPath: null } });
    moved++;
  }
  return fresh.length + moved;
}
