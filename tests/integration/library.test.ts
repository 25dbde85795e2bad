import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { GET as download } from "@/app/api/me/library/[format]/route";
import { POST as trace } from "@/app/api/admin/trace/route";
import { db } from "@/lib/db/client";
import { newId } from "@/lib/ids";
import { saveImage } from "@/lib/media/store";
import { newReaderId, READER_COOKIE, signReaderId } from "@/lib/readers/session";
import { makeArticle } from "../support/db";
import { call, makeRequest } from "../support/http";
import { adminRequest, enableAdmin } from "../support/admin";
import { hasMarks, stripMarks, textOf } from "../support/marks";

const essay = readFileSync("tests/fixtures/marks/essay.md", "utf8");
const cookieOf = (readerId: string) => `${READER_COOKIE}=${encodeURIComponent(signReaderId(readerId))}`;
const get = (format: string, cookie?: string) =>
  download(makeRequest("GET", `/api/me/library/${format}`, { cookie }), { params: Promise.resolve({ format }) });
const traceText = async (text: string) =>
  (await call(trace, await adminRequest("token", "POST", "/api/admin/trace", { body: { text } }))).json;

function png(): Buffer {
  const p = new PNG({ width: 4, height: 3 });
  p.data.fill(200);
  return PNG.sync.write(p);
}

/** A reader who bought one post (with an uploaded picture, a remote one and code) and owns a series with another. */
async function library() {
  const image = await saveImage(png());
  const first = await makeArticle({
    title: "第一篇 & <付费>",
    priceCents: 500,
    markdown: `公开的开头。\n\n<!-- more -->\n\n不换行&nbsp;空格 A&nbsp;B。\n\n![上传的图](${image.url})\n\n![远程图](https://img.example.com/a.png)\n\n\`\`\`\nconst x = "代码";\n\`\`\`\n\n${essay}`,
  });
  const second = await makeArticle({
    title: "专栏里的一篇",
    priceCents: 300,
    markdown: `开头。\n\n<!-- more -->\n\n${essay.slice(0, 900)}`,
  });
  const notMine = await makeArticle({ title: "没买的", priceCents: 300, markdown: "开头。\n\n<!-- more -->\n\nNOT-MINE" });
  const reader = newReaderId();
  await db().entitlement.create({ data: { id: newId(), readerId: reader, articleId: first.id } });
  const series = await db().series.create({ data: { id: newId(), slug: `s-${newId(4).toLowerCase()}`, title: "专栏", priceCents: 900 } });
  await db().seriesArticle.create({ data: { seriesId: series.id, articleId: second.id, position: 0 } });
  await db().seriesGrant.create({ data: { id: newId(), readerId: reader, seriesId: series.id } });
  return { first, second, notMine, reader, image };
}

describe("下载全部: the reader's library", () => {
  it("is a valid EPUB 3 (epubcheck) of everything the reader owns, marked as on the page", async () => {
    enableAdmin();
    const { reader, image } = await library();
    const res = await get("epub", cookieOf(reader));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/epub+zip");
    expect(res.headers.get("content-disposition")).toMatch(/attachment; .*filename\*=UTF-8''/);
    const bytes = Buffer.from(await res.arrayBuffer());
    // The container rule epubcheck and readers rely on: an uncompressed "mimetype" first.
    expect(bytes.subarray(30, 38).toString()).toBe("mimetype");
    expect(bytes.readUInt16LE(8)).toBe(0);
    const dir = mkdtempSync(path.join(os.tmpdir(), "epub-"));
    const file = path.join(dir, "library.epub");
    writeFileSync(file, bytes);
    if (process.env.KEEP_EPUB) writeFileSync(process.env.KEEP_EPUB, bytes);
    let report = "";
    try {
      // Debian's epubcheck (the /usr/bin wrapper needs binfmt, absent in containers: run the jar).
      report = execFileSync("java", ["-jar", "/usr/share/java/epubcheck.jar", file], { encoding: "utf8", stdio: "pipe" });
    } catch (e) {
      const err = e as { stdout?: string; stderr?: string; code?: string };
      if (err.code === "ENOENT" || /Unable to access jarfile/.test(err.stderr ?? ""))
        throw new Error("epubcheck is not installed: apt-get install -y epubcheck (.ci/run does)");
      throw new Error(`epubcheck failed:\n${err.stdout}\n${err.stderr}`);
    }
    expect(report).toMatch(/No errors or warnings detected/);

    const zip = await JSZip.loadAsync(bytes);
    const chapters = await Promise.all(
      Object.keys(zip.files)
        .filter((n) => /post-\d+\.xhtml$/.test(n))
        .map((n) => zip.file(n)!.async("string")),
    );
    expect(chapters).toHaveLength(2);
    const all = chapters.join("\n");
    expect(all).toContain("第一篇 &amp; &lt;付费&gt;");
    expect(all).not.toContain("NOT-MINE");
    expect(textOf(all)).toContain('const x = "代码";'); // code untouched by marks
    expect(zip.file(`OEBPS/images/${image.url.split("/").pop()}`)).not.toBeNull();
    expect(all).toContain("https://img.example.com/a.png");
    expect(hasMarks(all)).toBe(true);
    const chapter = chapters.find((c) => c.includes("第一篇"))!;
    const found = await traceText([...textOf(chapter)].slice(600, 900).join(""));
    expect(found.posts[0].match.reader.readerId).toBe(reader);
    expect(found.posts[0].match.grant.kind).toBe("article");
  }, 180_000); // epubcheck is a Java program: slow to start on a busy machine

  it("is one Markdown file with the posts as written plus the reader's mark, and traces back to the series grant", async () => {
    enableAdmin();
    const { reader, second } = await library();
    const res = await get("md", cookieOf(reader));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    const text = await res.text();
    expect(text).toContain("## 第一篇 & <付费>");
    expect(text).toContain("## 专栏里的一篇");
    expect(text).not.toContain("NOT-MINE");
    expect(stripMarks(text)).toContain(essay.slice(0, 900).trim());
    const part = text.slice(text.indexOf("## 专栏里的一篇"));
    const found = await traceText([...part].slice(100, 400).join(""));
    const hit = found.posts.find((p: { slug: string }) => p.slug === second.slug);
    expect(hit.match.grant.kind).toBe("series");
    expect(hit.match.reader.readerId).toBe(reader);
  });

  it("answers 401 to a browser without purchases' cookie, 404 with nothing to download, 404 for another format", async () => {
    expect((await get("epub")).status).toBe(401);
    expect((await get("md", cookieOf(newReaderId()))).status).toBe(404);
    expect((await get("pdf", cookieOf(newReaderId()))).status).toBe(404);
  });
});
