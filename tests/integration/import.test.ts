import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { readImage, saveImage } from "@/lib/media/store";
import { listPublishedArticles } from "@/lib/articles/queries";
import { findRedirect } from "@/lib/redirects/store";
import { parseFile } from "@/lib/import";
import { applyImport } from "@/lib/import/apply";
import { enableAdmin } from "../support/admin";
import { makeArticle } from "../support/db";
import { fixture, importUpload, IMPORT_FIXTURES } from "../support/import";
import { folderFiles, zipFiles, zipFolder } from "../support/zip";

const WXR = "wordpress/chinese-blog.wordpress.2024-06-01.xml";
/** The stored images' names (the tables are emptied before each test, so these are this test's). */
const storedImages = async () => (await db().mediaFile.findMany({ select: { name: true } })).map((r) => r.name).sort();

beforeEach(() => {
  enableAdmin();
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

  it("stores a Hexo zip's images in the database with the posts, and links the posts to them", async () => {
    const zip = await zipFolder(path.join(IMPORT_FIXTURES, "hexo"), "blog/");
    const res = await importUpload(zip, "hexo.zip");
    expect(res.json).toMatchObject({ posts: 4, images: 2, redirects: 3 });
    const names = await storedImages();
    expect(names).toHaveLength(2);
    const post = await db().article.findUniqueOrThrow({ where: { slug: "asset-post" } });
    const linked = post.teaser.match(/[a-f0-9]{32}-\d+x\d+\.png/g)!;
    expect(linked.length).toBeGreaterThan(0);
    for (const name of linked) {
      expect(names).toContain(name);
      // Served like an upload: the very bytes of the file in the zip, as a PNG.
      expect((await readImage(name))?.contentType).toBe("image/png");
    }
    const diagram = fixture("hexo/source/_posts/asset-post/diagram.png");
    expect((await Promise.all(names.map(async (n) => (await readImage(n))!.bytes.equals(diagram)))).filter(Boolean)).toHaveLength(1);
    // Importing the same zip again finds its images stored: no second copy, still the same names.
    expect((await importUpload(zip, "hexo.zip")).json).toMatchObject({ posts: 0, updated: 4, images: 2 });
    expect(await storedImages()).toEqual(names);
  });

  it("keeps an image the owner uploaded before as it is when an import brings the same picture", async () => {
    const uploaded = await saveImage(fixture("hexo/source/images/cover.png"));
    const res = await importUpload(await zipFolder(path.join(IMPORT_FIXTURES, "hexo")), "hexo.zip");
    expect(res.status).toBe(200);
    expect(await storedImages()).toContain(uploaded.url.slice("/media/".length));
    expect(await db().mediaFile.count()).toBe(2);
  });

  it("answers a broken file with a 422 naming the entry and line, and leaves no rows and no images behind", async () => {
    const files = { ...folderFiles(path.join(IMPORT_FIXTURES, "hexo")), ...folderFiles(path.join(IMPORT_FIXTURES, "broken-yaml")) };
    const res = await importUpload(await zipFiles(files), "mixed.zip");
    expect(res.status).toBe(422);
    expect(res.json.error.message).toMatch(/^source\/_posts\/a\.md 第 4 行：YAML 格式错误/);
    expect(res.json.error.details).toEqual({ entry: "source/_posts/a.md", line: 4 });
    expect(await db().article.count()).toBe(0);
    expect(await db().redirect.count()).toBe(0);
    expect(await storedImages()).toEqual([]);
  });

  it("refuses text no database can store with a 422 naming the entry", async () => {
    const files = folderFiles(path.join(IMPORT_FIXTURES, "hexo"));
    files["source/_posts/zzz-bad.md"] = Buffer.from('---\ntitle: "bad \\0 title"\n---\ntext');
    const res = await importUpload(await zipFiles(files), "bad.zip");
    expect(res.status).toBe(422);
    expect(res.json.error.message).toMatch(/^source\/_posts\/zzz-bad\.md：含有无效的字符/);
    expect(await db().article.count()).toBe(0);
  });

  it("rolls back every row when writing fails halfway, the images it had already written included", async () => {
    const parsed = await parseFile(await zipFolder(path.join(IMPORT_FIXTURES, "hexo")), "hexo.zip", 300);
    expect(parsed.images.size).toBe(2);
    // The same slug twice (uniqueSlugs never lets this through): the posts' insert fails after the images' succeeded.
    const twice = { ...parsed, posts: [...parsed.posts, { ...parsed.posts[0] }] };
    await expect(applyImport(twice)).rejects.toThrow();
    expect(await db().article.count()).toBe(0);
    expect(await db().redirect.count()).toBe(0);
    expect(await storedImages()).toEqual([]);
    // The same import without the fault writes them all.
    await applyImport(parsed);
    expect(await storedImages()).toEqual([...parsed.images.keys()].sort());
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
