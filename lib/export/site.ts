import { Readable } from "node:stream";
import { stringify } from "yaml";
import { ZipFile } from "yazl";
import { db } from "@/lib/db/client";
import { chinaDay, chinaIso } from "@/lib/china-time";
import { imageNames, readImage } from "@/lib/media/store";
import { joinMarkdown } from "@/lib/articles/markdown";
import { postState } from "@/lib/articles/publication";
import { formatCents } from "@/lib/money";
import { siteSettings } from "@/lib/settings/store";
import { SITE_TABLES, tableJson } from "@/lib/export/site-data";

/**
 * 导出全部: one zip, streamed as it is built (GET /api/admin/export/site) —
 * posts/<slug>.md (Markdown with front matter: price, tags, dates, draft /
 * scheduled, the `<!-- more -->` split), media/ (every uploaded image),
 * data/*.json (site-data.ts) and paywall-export.json. Nothing is read before the
 * zip reaches it: the posts a batch at a time, each image alone from the database
 * (MediaFile) when its entry is written, so memory stays flat however big the site
 * and its pictures are. The zip imports back (lib/import, "export" flavour) with
 * the same posts, prices, paid splits and images.
 */
const BATCH = 50;
export const EXPORT_FORMAT = 1;

/** GET /api/admin/export/site: the zip as a download, streamed while it is built. */
export async function siteExportResponse(now = new Date()): Promise<Response> {
  const stream = Readable.toWeb(await siteExport(now)) as ReadableStream<Uint8Array>;
  return new Response(stream, {
    headers: {
      "content-type": "application/zip",
      "content-disposition": `attachment; filename="site-export-${chinaDay(now)}.zip"`,
      "cache-control": "private, no-store",
    },
  });
}

export async function siteExport(now = new Date()): Promise<Readable> {
  const zip = new ZipFile();
  const posts = await db().article.findMany({ select: { id: true, slug: true }, orderBy: { id: "asc" } });
  const media = await imageNames();
  const loader = postLoader(
    posts.map((p) => p.id),
    now,
  );
  posts.forEach((p, i) =>
    zip.addReadStreamLazy(`posts/${p.slug}.md`, (cb) => {
      loader(i).then(
        (text) => cb(null, Readable.from([text])),
        (e: Error) => cb(e, undefined as never),
      );
    }),
  );
  // Images are compressed already: stored as they are, which spares the CPU and changes nothing in size.
  for (const name of media) zip.addReadStreamLazy(`media/${name}`, { compress: false }, (cb) => lazyImage(name, cb));
  for (const [name, read] of Object.entries(SITE_TABLES))
    zip.addReadStreamLazy(`data/${name}.json`, (cb) => cb(null, Readable.from(tableJson(read))));
  const manifest = {
    format: EXPORT_FORMAT,
    exportedAt: now.toISOString(),
    posts: posts.length,
    images: media.length,
    settings: await siteSettings(),
  };
  zip.addBuffer(Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`), "paywall-export.json");
  zip.addBuffer(Buffer.from(README), "README.txt");
  zip.end();
  return zip.outputStream as Readable;
}

/** One image's bytes, read when yazl reaches its entry (the entries are written one after another). */
function lazyImage(name: string, cb: (err: Error | null, stream: Readable) => void): void {
  readImage(name).then(
    (img) =>
      img ? cb(null, Readable.from([img.bytes])) : cb(new Error(`image ${name} was deleted during the export`), undefined as never),
    (e: Error) => cb(e, undefined as never),
  );
}

/** Post i's file, loading posts BATCH at a time in the zip's order (entries are written one after another). */
function postLoader(ids: string[], now: Date): (i: number) => Promise<string> {
  let batch = new Map<string, string>();
  return async (i) => {
    if (!batch.has(ids[i])) batch = await loadBatch(ids.slice(i, i + BATCH), now);
    return batch.get(ids[i]) ?? "";
  };
}

async function loadBatch(ids: string[], now: Date): Promise<Map<string, string>> {
  const rows = await db().article.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      slug: true,
      title: true,
      teaser: true,
      body: true,
      priceCents: true,
      published: true,
      publishedAt: true,
      createdAt: true,
      updatedAt: true,
      tags: { select: { tag: true }, orderBy: { tag: "asc" } },
    },
  });
  return new Map(rows.map((a) => [a.id, postFile(a, now)]));
}

export function postFile(
  a: {
    slug: string;
    title: string;
    teaser: string;
    body: string;
    priceCents: number;
    published: boolean;
    publishedAt: Date | null;
    createdAt: Date;
    updatedAt: Date;
    tags: { tag: string }[];
  },
  now: Date,
): string {
  const state = postState(a, now);
  const front: Record<string, unknown> = {
    title: a.title,
    slug: a.slug,
    // Milliseconds kept: a round trip gives back the very instant.
    date: chinaIso(a.publishedAt ?? a.createdAt),
    updated: chinaIso(a.updatedAt),
    tags: a.tags.map((t) => t.tag),
    ...(a.priceCents > 0 ? { price: Number(formatCents(a.priceCents)) } : {}),
    draft: state === "draft",
    ...(state === "scheduled" ? { scheduled: true } : {}),
  };
  return `---\n${stringify(front)}---\n\n${joinMarkdown(a.teaser, a.body, a.priceCents > 0)}\n`;
}

const README = `付费阅读 · 全站导出
posts/        每篇文章一个 Markdown 文件：front matter 里有标题、网址（slug）、日期（北京时间）、标签、
              价格（price，单位元）、draft（草稿）、scheduled（定时发布，date 为发布时间）；
              正文中单独一行的 <!-- more --> 之前是公开部分，之后是付费部分。
media/        上传过的全部图片（文章里以 /media/文件名 引用）。
data/*.json   专栏、全站通、优惠码、兑换码、收款账户与收款码、读者的已购记录（entitlements、
              series-grants、pass-grants）、订单、收款、跳转。金额均为整数分。
              不含任何密钥：设备密钥、网关商户密钥、提醒渠道的凭据、站长密码、会话密钥都不在导出里。
把整个 zip 上传到另一个站点的「导入」即可恢复文章、图片和旧链接跳转。
`;
