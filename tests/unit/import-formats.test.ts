import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseFile } from "@/lib/import";
import { isAppError } from "@/lib/errors";
import { folderFiles, zipFiles, zipFolder } from "../support/zip";

/** The readers of every supported format, on the fixtures in tests/fixtures/import (provenance in its README). */
const dir = path.resolve(import.meta.dirname, "..", "fixtures", "import");
const file = (name: string) => readFileSync(path.join(dir, name));
const bySlug = <T extends { slug: string }>(posts: T[]) => Object.fromEntries(posts.map((p) => [p.slug, p]));

async function failure(run: Promise<unknown>) {
  try {
    await run;
  } catch (e) {
    if (isAppError(e)) return e;
    throw e;
  }
  throw new Error("did not fail");
}

describe("WordPress WXR", () => {
  it("imports posts and drafts with dates, tags, paid split and old addresses; skips pages, attachments, menus and comments", async () => {
    const r = await parseFile(file("wordpress/chinese-blog.wordpress.2024-06-01.xml"), "export.xml", 300);
    const posts = bySlug(r.posts);
    expect(Object.keys(posts).sort()).toEqual(
      ["disk-guide-618", "friends-only", "post-2287a85f", "post-49d7cbf3", "raspberry-pi-nas"].sort(),
    );
    const nas = posts["raspberry-pi-nas"];
    expect(nas).toMatchObject({ title: "用树莓派搭一台家用 NAS", priceCents: 300, published: true, tags: ["编程", "Linux", "树莓派"] });
    expect(nas.publishedAt?.toISOString()).toBe("2024-05-10T12:30:00.000Z");
    expect(nas.markdown).toMatch(/完整配置。\n\n<!-- more -->\n\n## 配置 Samba/);
    expect(nas.markdown).toContain("```\nsudo apt install samba");
    expect(nas.oldPaths).toEqual(["/2024/05/raspberry-pi-nas", "/?p=101"]);
    expect(posts["post-2287a85f"]).toMatchObject({ title: "读《置身事内》", tags: ["读书"], oldPaths: ["/archives/88", "/?p=88"] });
    expect(posts["post-2287a85f"].markdown).toContain("写得很*接地气*。  \n第二行");
    expect(posts["post-49d7cbf3"]).toMatchObject({ published: false, oldPaths: [] });
    expect(posts["disk-guide-618"]).toMatchObject({ published: true, priceCents: 250 });
    expect(posts["disk-guide-618"].publishedAt!.getUTCFullYear()).toBe(2099);
    expect(posts["friends-only"].published).toBe(false);
    expect(r.skipped.map((s) => s.item)).toEqual([
      "WordPress 文章 #101「用树莓派搭一台家用 NAS」 的 2 条评论",
      "WordPress 条目 #2「关于我」",
      "WordPress 条目 #230「nas-rack」",
      "WordPress 条目 #3「首页」",
    ]);
  });

  it("names the line of broken XML", async () => {
    const xml = file("wordpress/chinese-blog.wordpress.2024-06-01.xml")
      .toString()
      .replace("<wp:post_id>88</wp:post_id>", "<wp:post_id>88</wp:postid>");
    const e = await failure(parseFile(Buffer.from(xml), "export.xml", 300));
    expect(e.status).toBe(422);
    expect(e.message).toMatch(/^export\.xml 第 \d+ 行：XML 格式错误/);
    const line = xml.split("\n").findIndex((l) => l.includes("</wp:postid>")) + 1;
    expect(e.details).toEqual({ entry: "export.xml", line });
  });
});

describe("zips of Markdown", () => {
  it("reads a Hexo site: _posts and _drafts, asset folders and /images, paywall line, default teaser length, permalinks", async () => {
    const r = await parseFile(await zipFolder(path.join(dir, "hexo"), "blog/"), "hexo.zip", 300);
    const posts = bySlug(r.posts);
    expect(Object.keys(posts).sort()).toEqual(["asset-post", "hello-world", "next-plan", expect.stringMatching(/^post-[a-f0-9]{8}$/)]);
    expect(posts["hello-world"]).toMatchObject({ tags: ["随笔", "生活"], published: true, oldPaths: ["/2023/09/01/hello-world"] });
    expect(posts["next-plan"].published).toBe(false);
    const paid = r.posts.find((p) => p.title === "付费教程：从零写一个解释器")!;
    expect(paid.priceCents).toBe(250);
    expect(paid.markdown).toMatch(
      /^!\[封面\]\(\/media\/[a-f0-9]{32}-32x20\.png\)\n\n这是系列教程的第一篇，公开部分介绍词法分析的思路。\n\n<!-- more -->\n\n## 词法分析器/,
    );
    expect(paid.oldPaths).toEqual(["/2024/02/14/付费教程-从零写一个解释器"]);
    expect(posts["asset-post"].markdown).toMatch(/!\[流程图\]\(\/media\/[a-f0-9]{32}-24x16\.png\)/);
    expect(posts["asset-post"].markdown).toMatch(/<!-- more -->\n\n第四段：付费才能看的结论。$/);
    expect(r.images.size).toBe(2);
    expect(r.skipped).toEqual([{ item: "blog/source/about/index.md", reason: "页面（不是文章），未导入" }]);
    expect(r.warnings).toEqual([]);
  });

  it("reads a Hugo site: TOML and YAML front matter, page bundles, static/, [permalinks] and aliases", async () => {
    const r = await parseFile(await zipFolder(path.join(dir, "hugo")), "hugo.zip", 300);
    const posts = bySlug(r.posts);
    expect(posts["first-week"]).toMatchObject({
      priceCents: 100,
      tags: ["生活", "搬家", "周记"],
      oldPaths: ["/old/first-week.html", "/2024/04/first-week"],
    });
    expect(posts["first-week"].publishedAt?.toISOString()).toBe("2024-04-07T13:00:00.000Z");
    expect(posts["first-week"].markdown).toMatch(/!\[logo\]\(\/media\/[a-f0-9]{32}-16x16\.png\)/);
    expect(posts.bundle.markdown).toMatch(/!\[封面\]\(\/media\/[a-f0-9]{32}-16x12\.jpg\)/);
    expect(posts.unfinished.published).toBe(false);
    expect(r.skipped.map((s) => s.item).sort()).toEqual(["content/_index.md", "content/about.md", "content/posts/_index.md"]);
  });

  it("reads a Jekyll site: dated file names, published: false, pretty permalinks with categories", async () => {
    const r = await parseFile(await zipFolder(path.join(dir, "jekyll")), "jekyll.zip", 300);
    const posts = bySlug(r.posts);
    expect(posts["welcome-to-jekyll"]).toMatchObject({
      tags: ["入门", "jekyll", "update"],
      oldPaths: ["/jekyll/update/2023/08/15/welcome-to-jekyll"],
    });
    expect(posts["welcome-to-jekyll"].markdown).toMatch(/\/media\/[a-f0-9]{32}-20x10\.png/);
    const draft = r.posts.find((p) => p.title === "还没公开的付费文章")!;
    expect(draft).toMatchObject({ published: false, priceCents: 500 });
    expect(draft.publishedAt?.toISOString()).toBe("2024-01-01T16:00:00.000Z");
  });

  it("reads an Obsidian vault: ![[embeds]], [[links]] between notes, tags as a string", async () => {
    const r = await parseFile(await zipFolder(path.join(dir, "obsidian"), "vault/"), "vault.zip", 300);
    const diary = r.posts.find((p) => p.title === "2024-05-01 劳动节")!;
    const notes = r.posts.find((p) => p.title === "读书笔记")!;
    expect(diary.priceCents).toBe(150);
    expect(diary.markdown).toMatch(/!\[photo\]\(\/media\/[a-f0-9]{32}-18x12\.png\)/);
    expect(diary.markdown).toContain(`[读书笔记](/posts/${notes.slug})`);
    expect(notes.tags).toEqual(["读书"]);
    expect(notes.markdown).toContain("引用 另一篇。");
  });

  it("stops at a YAML error naming the entry and line", async () => {
    const e = await failure(parseFile(await zipFolder(path.join(dir, "broken-yaml")), "broken.zip", 300));
    expect(e.status).toBe(422);
    expect(e.details).toEqual({ entry: "source/_posts/a.md", line: 4 });
  });

  it("refuses a zip bomb from its central directory, before inflating it", async () => {
    const bomb = await zipFiles({ "source/_posts/a.md": Buffer.alloc(8 * 1024 * 1024, 0x61) });
    expect(bomb.length).toBeLessThan(40_000);
    const e = await failure(parseFile(bomb, "bomb.zip", 300));
    expect(e.status).toBe(413);
    expect(e.message).toMatch(/解压炸弹/);
  }, 20_000);

  it("reads non-UTF-8 names a Chinese Windows zip writes, and skips macOS metadata", async () => {
    const files = folderFiles(path.join(dir, "obsidian"));
    const r = await parseFile(await zipFiles({ ...files, "__MACOSX/._读书笔记.md": Buffer.from("junk") }), "v.zip", 300);
    expect(r.posts).toHaveLength(2);
  });
});

describe("Ghost JSON", () => {
  it("imports posts from html, Markdown cards or plain text, with tags from posts_tags; skips pages", async () => {
    const r = await parseFile(file("ghost/ghost-5.export.json"), "ghost.json", 300);
    const posts = bySlug(r.posts);
    expect(posts["first-year-indie"].markdown).toMatch(/这篇是复盘。\n\n<!-- more -->\n\n## 收入构成/);
    expect(posts["first-year-indie"]).toMatchObject({ tags: ["创业"], oldPaths: ["/first-year-indie"], published: true });
    expect(posts["markdown-card-post"].markdown).toBe("Old Ghost stored **Markdown** in a card.\n\n- one\n- two");
    expect(posts["product-ideas"]).toMatchObject({ published: false, markdown: "几个还不成熟的想法。" });
    expect(r.warnings.map((w) => w.reason)).toContain("导出文件里没有 HTML，只导入了纯文本（格式、图片和链接需要手工补上）");
    expect(r.skipped).toEqual([{ item: "Ghost 文章「关于」", reason: "页面，未导入（本站只有文章）" }]);
  });

  it("names the line of broken JSON", async () => {
    const e = await failure(parseFile(Buffer.from('{\n "db": [\n  {,\n]}'), "ghost.json", 300));
    expect(e.message).toMatch(/^ghost\.json 第 3 行：JSON 格式错误/);
  });
});
