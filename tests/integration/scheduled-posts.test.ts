import { beforeEach, describe, expect, it } from "vitest";
import { POST as createRoute } from "@/app/api/admin/articles/route";
import { PATCH as patchRoute } from "@/app/api/admin/articles/[slug]/route";
import { POST as previewRoute, DELETE as revokeRoute } from "@/app/api/admin/articles/[slug]/preview-link/route";
import { GET as feedRoute } from "@/app/feed.xml/route";
import { GET as articlesRoute } from "@/app/api/articles/route";
import { db } from "@/lib/db/client";
import { listPublishedArticles, listTags } from "@/lib/articles/queries";
import { publicPost, forgetPublicPosts } from "@/lib/articles/cache";
import { openPreview } from "@/lib/entitlements/preview";
import { publicFeedMaxAge } from "@/lib/feeds/response";
import { call, makeRequest } from "../support/http";
import { adminCall, shopOpen } from "../support/products";
import { order } from "../support/matching";

/** 定时发布 and 预览链接: the visibility rule on every surface, with a real clock and a real database. */
const later = (ms: number) => new Date(Date.now() + ms).toISOString();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
type Get = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response> | Response;
const anon = (handler: Get, path: string) => call(handler, makeRequest("GET", path));

async function create(body: Record<string, unknown>) {
  const res = await adminCall(createRoute, "POST", "/api/admin/articles", {
    title: "定时",
    priceCents: 200,
    markdown: "公开\n\n<!-- more -->\n\n正文 GATED-TEXT",
    ...body,
  });
  expect(res.status, JSON.stringify(res.json)).toBe(201);
  return res.json;
}

beforeEach(() => shopOpen());

describe("scheduled posts", () => {
  it("are nowhere for readers until their time, then everywhere by themselves", async () => {
    const at = Date.now() + 5000;
    await create({ slug: "soon", published: true, publishAt: new Date(at).toISOString(), tags: ["定时标签"] });
    expect(await publicPost("soon")).toBeNull();
    expect((await listPublishedArticles()).map((a) => a.slug)).not.toContain("soon");
    expect(await listTags()).toEqual([]);
    expect((await anon(feedRoute, "/feed.xml")).text).not.toContain("soon");
    expect((await anon(articlesRoute, "/api/articles")).json).toEqual([]);
    expect((await order("soon")).status).toBe(404);
    // A shared cache may keep the feed only until the post goes out.
    expect(await publicFeedMaxAge()).toBeLessThanOrEqual(5);
    await sleep(at - Date.now() + 200);
    forgetPublicPosts(); // the 10 s cache lifetime, skipped
    expect((await publicPost("soon"))?.article.slug).toBe("soon");
    expect((await listPublishedArticles()).map((a) => a.slug)).toEqual(["soon"]);
    expect((await anon(feedRoute, "/feed.xml")).text).toContain("/posts/soon");
    expect(await listTags()).toEqual([{ tag: "定时标签", count: 1 }]);
    expect(await publicFeedMaxAge()).toBe(300);
    expect((await order("soon")).status).toBe(201);
  });

  it("keeps the time on update: a future publishAt schedules a live post, null publishes a scheduled one now", async () => {
    await create({ slug: "live", published: true });
    const scheduled = await adminCall(patchRoute, "PATCH", "/api/admin/articles/live", { publishAt: later(3_600_000) }, { slug: "live" });
    expect(scheduled.status).toBe(200);
    expect(await publicPost("live")).toBeNull();
    const now = await adminCall(patchRoute, "PATCH", "/api/admin/articles/live", { publishAt: null }, { slug: "live" });
    expect(new Date(now.json.publishedAt).getTime()).toBeLessThanOrEqual(Date.now());
    forgetPublicPosts();
    expect(await publicPost("live")).not.toBeNull();
    const bad = await adminCall(patchRoute, "PATCH", "/api/admin/articles/live", { publishAt: "tomorrow" }, { slug: "live" });
    expect(bad.status).toBe(400);
  });
});

describe("preview links", () => {
  it("show a draft's or scheduled post's whole text through a signed link, until revoked", async () => {
    await create({ slug: "draft", published: false });
    const res = await adminCall(previewRoute, "POST", "/api/admin/articles/draft/preview-link", undefined, { slug: "draft" });
    expect(res.status).toBe(200);
    const token = new URL(res.json.url).pathname.replace("/preview/", "");
    const shown = await openPreview(token);
    expect(shown).toMatchObject({ kind: "preview", title: "定时" });
    expect(shown.kind === "preview" && shown.bodyHtml).toContain("GATED-TEXT");
    // The same link until revoked; a tampered one shows nothing.
    expect((await adminCall(previewRoute, "POST", "/api/admin/articles/draft/preview-link", undefined, { slug: "draft" })).json.url).toBe(
      res.json.url,
    );
    expect(await openPreview(token.replace(/.$/, (c) => (c === "A" ? "B" : "A")))).toEqual({ kind: "invalid" });
    const [id, key] = token.split(".");
    expect(await openPreview(`${id}.${key}.forged-signature-of-the-right-size`)).toEqual({ kind: "invalid" });
    await adminCall(revokeRoute, "DELETE", "/api/admin/articles/draft/preview-link", undefined, { slug: "draft" });
    expect(await openPreview(token)).toEqual({ kind: "invalid" });
    const fresh = await adminCall(previewRoute, "POST", "/api/admin/articles/draft/preview-link", undefined, { slug: "draft" });
    expect(fresh.json.url).not.toBe(res.json.url);
    // Never a way to buy: the API still refuses orders for a post readers cannot see.
    expect((await order("draft")).status).toBe(404);
  });

  it("are not made for a live post, and an old link sends readers to the post once it is live", async () => {
    await create({ slug: "going-live", published: false });
    const { json } = await adminCall(previewRoute, "POST", "/api/admin/articles/going-live/preview-link", undefined, {
      slug: "going-live",
    });
    await adminCall(patchRoute, "PATCH", "/api/admin/articles/going-live", { published: true }, { slug: "going-live" });
    const token = new URL(json.url).pathname.replace("/preview/", "");
    expect(await openPreview(token)).toEqual({ kind: "live", slug: "going-live" });
    const refused = await adminCall(previewRoute, "POST", "/api/admin/articles/going-live/preview-link", undefined, { slug: "going-live" });
    expect(refused.status).toBe(409);
    expect(await db().article.count()).toBe(1);
  });
});
