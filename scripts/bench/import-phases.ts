import { createHash } from "node:crypto";
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { PNG } from "pngjs";
import { ZipFile } from "yazl";
import { migrate } from "@/lib/db/migrate";
import { disconnectDb } from "@/lib/db/client";
import { parseFile } from "@/lib/import";
import { applyImport } from "@/lib/import/apply";
import { siteExport } from "@/lib/export/site";
import { saveImage } from "@/lib/media/store";

/**
 * The measured phases of npm run bench:import (scripts/bench/import.ts), in this order on one database:
 * "import" (a WXR alone: every post new), "import-images" (the same WXR zipped with its
 * wp-content/uploads: every post updated, the images written in the same transaction), "export".
 */
export async function runPhase(phase: string, posts: number, images: number): Promise<void> {
  await migrate(process.env.DATABASE_URL!);
  if (phase === "import" || phase === "import-images") {
    const xml = wxr(posts, phase === "import-images" ? images : 0);
    if (process.env.BENCH_DUMP) (await import("node:fs")).writeFileSync(process.env.BENCH_DUMP, xml);
    const file = phase === "import" ? Buffer.from(xml) : await zipWithUploads(xml, images);
    const cpu = process.cpuUsage();
    const t = performance.now();
    // What importFile does, in its two halves: reading the file, then the one transaction.
    const parsed = await parseFile(file, phase === "import" ? "bench.xml" : "bench.zip", 300);
    const read = ((performance.now() - t) / 1000).toFixed(2);
    const summary = await applyImport(parsed);
    const what = phase === "import" ? "import WXR" : `import WXR + ${summary.images} images (zip)`;
    report(
      `${what}: ${summary.posts} new, ${summary.updated} updated, ${summary.redirects} redirects (reading ${read} s)`,
      t,
      file.length,
      cpu,
    );
  } else {
    // The posts are the imported ones; the images too when import-images ran (saveImage skips a stored one).
    for (let i = 0; i < images; i++) await saveImage(png(i));
    const cpu = process.cpuUsage();
    const t = performance.now();
    let bytes = 0;
    await pipeline(await siteExport(), new Writable({ write: (c: Buffer, _e, cb) => ((bytes += c.length), cb()) }));
    report(`export site: ${posts} posts, ${images} images`, t, bytes, cpu);
  }
  await disconnectDb();
}

/** Wall time, and CPU time (user + system: what the work costs, whatever else the machine is doing). */
function report(what: string, start: number, bytes: number, cpuStart: NodeJS.CpuUsage) {
  const seconds = ((performance.now() - start) / 1000).toFixed(2);
  const used = process.cpuUsage(cpuStart);
  const cpu = ((used.user + used.system) / 1e6).toFixed(2);
  const peak = Math.round(process.resourceUsage().maxRSS / 1024);
  console.log(`${what}: ${seconds} s (CPU ${cpu} s), peak RSS ${peak} MB, file ${(bytes / 1024 / 1024).toFixed(1)} MB`);
}

/**
 * A WordPress export of n posts of about 6 KB of Chinese HTML each, every fifth one paid with a more tag;
 * the first `images` posts show one uploaded picture each.
 */
function wxr(n: number, images: number): string {
  const para = '<p>这是一段用来测量导入速度的中文正文，包含<strong>加粗</strong>、<a href="https://example.cn">链接</a>和一些标点。</p>\n';
  const items = Array.from({ length: n }, (_, i) => {
    const img = i < images ? `<p><img src="https://old.example.cn/wp-content/uploads/${upload(i)}" alt="图 ${i}"></p>\n` : "";
    const body = img + para.repeat(20) + (i % 5 === 0 ? "<!--more-->\n" : "") + para.repeat(40);
    return `<item><title><![CDATA[第 ${i} 篇文章]]></title><link>https://old.example.cn/${2020 + (i % 5)}/0${1 + (i % 9)}/post-${i}/</link>
<content:encoded><![CDATA[${body}]]></content:encoded><wp:post_id>${i + 1}</wp:post_id><wp:post_date_gmt>2024-01-01 00:00:00</wp:post_date_gmt>
<wp:post_name>post-${i}</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
<category domain="category" nicename="c${i % 7}"><![CDATA[分类${i % 7}]]></category><category domain="post_tag" nicename="t${i % 11}"><![CDATA[标签${i % 11}]]></category>
${i % 5 === 0 ? "<wp:postmeta><wp:meta_key>price</wp:meta_key><wp:meta_value>3</wp:meta_value></wp:postmeta>" : ""}</item>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"><channel><title>bench</title><wp:wxr_version>1.2</wp:wxr_version>
${items.join("\n")}</channel></rss>`;
}

const upload = (i: number) => `2024/01/img-${i}.png`;

/** The export and its uploads folder in one zip, as docs/import.md tells a WordPress owner to upload them. */
async function zipWithUploads(xml: string, images: number): Promise<Buffer> {
  const zip = new ZipFile();
  zip.addBuffer(Buffer.from(xml), "bench.WordPress.xml");
  for (let i = 0; i < images; i++) zip.addBuffer(png(i), `wp-content/uploads/${upload(i)}`, { compress: false });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const c of zip.outputStream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** A distinct 200×150 PNG (about 90 KB of noise) per i. */
function png(i: number): Buffer {
  const p = new PNG({ width: 200, height: 150 });
  let seed = createHash("sha256").update(String(i)).digest();
  for (let o = 0; o < p.data.length; o += 32) {
    seed = createHash("sha256").update(seed).digest();
    seed.copy(p.data, o, 0, Math.min(32, p.data.length - o));
  }
  for (let o = 3; o < p.data.length; o += 4) p.data[o] = 255;
  return PNG.sync.write(p);
}
