import { mkdtempSync } from "node:fs";
import { readdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { mediaDir } from "@/lib/config";
import { listPublishedArticles } from "@/lib/articles/queries";
import { findRedirect } from "@/lib/redirects/store";
import { parseFile } from "@/lib/import";
import { applyImport } from "@/lib/import/apply";
import { enableAdmin } from "../support/admin";
import { makeArticle } from "../support/db";
import { fixture, importUpload, IMPORT_FIXTURES } from "../support/import";
import { folderFiles, zipFiles, zipFolder } from "../support/zip";

const WXR = "wordpress/chinese-blog.wordpress.2024-06-01.xml";
const mediaFiles = async () => (await readdir(mediaDir()).catch(() => [] as string[])).filter((n) => !n.startsWith("."));

beforeEach(() => {
  enableAdmin();
  // Each test starts with an empty media folder, so "no images left behind" means this test's.
  process.env.MEDIA_DIR = mkdtempSync(path.join(os.tmpdir(), "import-media-"));
});

describe("POST /api/admin/import", () => {
  it("imports a WordPress export: posts and drafts, the paid split, tags, redirects, and what it skipped", async () => {
    const res = await importUpload(fixture(WXR), "laowang.xml");
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ posts: 5, updated: 0, images: 0, redirects: 5 });
    expect(res.json.skipped).toHaveLength(4);
    const nas = await db().article.findUniqueOrThrow({ where: { slug: "raspberry-pi-nas" }, include: { tags: true } });
    expect(nas).toMatchObject({ priceCents: 300, published: true, importedFrom: "wordpress" });
    expect(nas.teaser).toBe(
      "家里的照片越来越多，网盘又限速，于是用一台**树莓派 4B**搭了个 NAS。\n\n这篇讲硬件选择和系统安装，后半部分是 Samba 和自动备份的完整配置。",
    );
    expect(nas.body).toMatch(/^## 配置 Samba/);
    expect(nas.tags.map((t) => t.tag).sort()).toEqual(["Linux", "树莓派", "编程"].sort());
    // Drafts, password-protected and scheduled posts are not on the site.
    expect((await listPublishedArticles()).map((a) => a.slug).sort()).toEqual(["post-2287a85f", "raspberry-pi-nas"]);
    expect(await findRedirect("/2024/05/raspberry-pi-nas/")).toBe("/posts/raspberry-pi-nas");
    expect(await findRedirect("/?p=101")).toBe("/posts/raspberry-pi-nas");
    expect(await findRedirect("/archives/88")).toBe("/posts/post-2287a85f");
  });

  it("updates the posts it made on a second import instead of duplicating them", async () => {
    await importUpload(fixture(WXR), "a.xml");
    const before = await db().article.findUniqueOrThrow({ where: { slug: "raspberry-pi-nas" } });
    const edited = fixture(WXR)
      .toString()
      .replace("<wp:meta_value><![CDATA[3]]></wp:meta_value>", "<wp:meta_value><![CDATA[4.5]]></wp:meta_value>");
    const res = await importUpload(Buffer.from(edited), "a.xml");
    expect(res.json).toMatchObject({ posts: 0, updated: 5, redirects: 0 });
    expect(await db().article.count()).toBe(5);
    expect(await db().redirect.count()).toBe(5);
    const after = await db().article.findUniqueOrThrow({ where: { slug: "raspberry-pi-nas" } });
    expect(after.id).toBe(before.id);
    expect(after.priceCents).toBe(450);
  });

  it("never overwrites a post the owner wrote here with the same slug", async () => {
    await makeArticle({ slug: "hello-world", title: "站长自己写的", markdown: "原文" });
    const res = await importUpload(await zipFolder(path.join(IMPORT_FIXTURES, "hexo")), "hexo.zip");
    expect(res.json.posts).toBe(3);
    expect(res.json.skipped).toContainEqual({
      item: "source/_posts/hello-world.md",
      reason: expect.stringMatching(/已被站内的另一篇文章使用/),
    });
    expect((await db().article.findUniqueOrThrow({ where: { slug: "hello-world" } })).title).toBe("站长自己写的");
  });

  it("imports a Hexo zip's images into the media folder, and links the posts to them", async () => {
    const res = await importUpload(await zipFolder(path.join(IMPORT_FIXTURES, "hexo"), "blog/"), "hexo.zip");
    expect(res.json).toMatchObject({ posts: 4, images: 2, redirects: 3 });
    const files = await mediaFiles();
    expect(files).toHaveLength(2);
    const post = await db().article.findUniqueOrThrow({ where: { slug: "asset-post" } });
    for (const name of post.teaser.match(/[a-f0-9]{32}-\d+x\d+\.png/g)!) expect(files).toContain(name);
  });

  it("answers a broken file with a 422 naming the entry and line, and leaves no rows and no images behind", async () => {
    const files = { ...folderFiles(path.join(IMPORT_FIXTURES, "hexo")), ...folderFiles(path.join(IMPORT_FIXTURES, "broken-yaml")) };
    const res = await importUpload(await zipFiles(files), "mixed.zip");
    expect(res.status).toBe(422);
    expect(res.json.error.message).toMatch(/^source\/_posts\/a\.md 第 4 行：YAML 格式错误/);
    expect(res.json.error.details).toEqual({ entry: "source/_posts/a.md", line: 4 });
    expect(await db().article.count()).toBe(0);
    expect(await db().redirect.count()).toBe(0);
    expect(await mediaFiles()).toEqual([]);
  });

  it("refuses text no database can store with a 422 naming the entry", async () => {
    const files = folderFiles(path.join(IMPORT_FIXTURES, "hexo"));
    files["source/_posts/zzz-bad.md"] = Buffer.from('---\ntitle: "bad \\0 title"\n---\ntext');
    const res = await importUpload(await zipFiles(files), "bad.zip");
    expect(res.status).toBe(422);
    expect(res.json.error.message).toMatch(/^source\/_posts\/zzz-bad\.md：含有无效的字符/);
    expect(await db().article.count()).toBe(0);
  });

  it("rolls back every row when writing fails halfway, and removes the images it staged", async () => {
    const parsed = await parseFile(await zipFolder(path.join(IMPORT_FIXTURES, "hexo")), "hexo.zip", 300);
    // The same slug twice (uniqueSlugs never lets this through): the second insert fails after the first succeeded.
    const twice = { ...parsed, posts: [...parsed.posts, { ...parsed.posts[0] }] };
    await expect(applyImport(twice)).rejects.toThrow();
    expect(await db().article.count()).toBe(0);
    expect(await db().redirect.count()).toBe(0);
    expect(await readdir(mediaDir()).catch(() => [])).toEqual([]);
  });

  it("refuses a zip bomb with 413 and a file it does not know with 422", async () => {
    const bomb = await zipFiles({ "a.md": Buffer.alloc(8 * 1024 * 1024, 0x20) });
    expect((await importUpload(bomb, "bomb.zip")).status).toBe(413);
    const res = await importUpload(Buffer.from("just some text"), "notes.txt");
    expect(res.status).toBe(422);
    expect(res.json.error.code).toBe("unparseable");
  });

  it("imports a Ghost export with tags", async () => {
    const res = await importUpload(fixture("ghost/ghost-5.export.json"), "ghost.json");
    expect(res.json).toMatchObject({ posts: 3, redirects: 2 });
    expect(await findRedirect("/first-year-indie/")).toBe("/posts/first-year-indie");
  });
});
