import { describe, expect, it } from "vitest";
import { POST as create } from "@/app/api/admin/articles/route";
import { GET as read, PATCH as update } from "@/app/api/admin/articles/[slug]/route";
import { GET as listApi } from "@/app/api/articles/route";
import { db } from "@/lib/db/client";
import { listPublishedPage, listTags } from "@/lib/articles/queries";
import { backfillReadingMinutes } from "@/lib/articles/reading";
import { makeArticle } from "../support/db";
import { call, makeRequest } from "../support/http";
import { adminRequest, enableAdmin } from "../support/admin";

describe("listing published posts", () => {
  it("pages newest first and filters by tag, without drafts", async () => {
    const base = Date.now();
    for (let i = 0; i < 23; i++) {
      await makeArticle({ slug: `p-${i}`, publishedAt: new Date(base - i * 60_000), tags: i % 2 ? ["单数"] : ["双数", "全部"] });
    }
    await makeArticle({ slug: "draft", published: false, tags: ["双数"] });
    const first = await listPublishedPage({ page: 1 });
    expect(first).toMatchObject({ page: 1, pages: 3, total: 23 });
    expect(first.items.map((a) => a.slug).slice(0, 2)).toEqual(["p-0", "p-1"]);
    const last = await listPublishedPage({ page: 3 });
    expect(last.items.map((a) => a.slug)).toEqual(["p-20", "p-21", "p-22"]);
    const odd = await listPublishedPage({ page: 1, tag: "单数" });
    expect(odd.total).toBe(11);
    expect(odd.items.every((a) => a.tags.includes("单数"))).toBe(true);
    expect(await listTags()).toEqual([
      { tag: "全部", count: 12 },
      { tag: "双数", count: 12 },
      { tag: "单数", count: 11 },
    ]);
  });
});

describe("tags and reading time through the admin API", () => {
  it("saves tags (trimmed, de-duplicated) and the reading time, and replaces tags on PATCH", async () => {
    enableAdmin();
    const markdown = `${"字".repeat(600)}\n\n<!-- more -->\n\n${"密".repeat(900)}`;
    const res = await call(
      create,
      await adminRequest("token", "POST", "/api/admin/articles", {
        body: { slug: "tagged", title: "有标签", priceCents: 100, markdown, published: true, tags: [" 生活 ", "读书", "生活"] },
      }),
    );
    expect(res.status).toBe(201);
    expect(res.json.tags).toEqual(["生活", "读书"].sort());
    expect(res.json.readingMinutes).toBe(5); // 1500 characters at 300 a minute

    const patched = await call(update, await adminRequest("token", "PATCH", "/api/admin/articles/tagged", { body: { tags: ["旅行"] } }), {
      slug: "tagged",
    });
    expect(patched.json.tags).toEqual(["旅行"]);
    const kept = await call(update, await adminRequest("token", "PATCH", "/api/admin/articles/tagged", { body: { title: "改名" } }), {
      slug: "tagged",
    });
    expect(kept.json.tags).toEqual(["旅行"]);
    const listed = await call(listApi, makeRequest("GET", "/api/articles"));
    expect(listed.text).not.toContain("密");
  });

  it("refuses tags that would break a URL, too many tags and over-long tags, with a 400 that says why", async () => {
    enableAdmin();
    await makeArticle({ slug: "t" });
    for (const tags of [["a/b"], ["#x"], ["1", "2", "3", "4", "5", "6"], ["长".repeat(21)], "生活"]) {
      const res = await call(update, await adminRequest("token", "PATCH", "/api/admin/articles/t", { body: { tags } }), { slug: "t" });
      expect(res.status, JSON.stringify(tags)).toBe(400);
      expect(res.json.error.message).toMatch(/标签|tags/);
    }
    const got = await call(read, await adminRequest("token", "GET", "/api/admin/articles/t"), { slug: "t" });
    expect(got.json.tags).toEqual([]);
  });

  it("computes reading time at start for posts saved before it existed", async () => {
    const a = await makeArticle({ markdown: `${"字".repeat(100)}\n\n<!-- more -->\n\n${"密".repeat(800)}` });
    expect(a.readingMinutes).toBeNull();
    expect(await backfillReadingMinutes()).toBe(1);
    expect((await db().article.findUniqueOrThrow({ where: { id: a.id } })).readingMinutes).toBe(3);
  });
});
