import { beforeEach, describe, expect, it } from "vitest";
import { DELETE as deleteSeries, GET as getSeries, PATCH as patchSeries } from "@/app/api/admin/series/[slug]/route";
import { POST as postSeries } from "@/app/api/admin/series/route";
import { canRead, readableArticleIds } from "@/lib/entitlements/check";
import { findPublishedSeries } from "@/lib/series/queries";
import { makeArticle } from "../support/db";
import { adminCall, buy, newSeries, orderFor, shopOpen } from "../support/products";

beforeEach(shopOpen);

describe("series (专栏)", () => {
  it("buys a series, pays, and unlocks exactly its posts", async () => {
    const [a, b, outside] = [await makeArticle(), await makeArticle(), await makeArticle()];
    await newSeries("deep-dive", [a.slug, b.slug], 1990);
    const o = await orderFor({ seriesSlug: "deep-dive" });
    expect(o.json).toMatchObject({ kind: "series", listPriceCents: 1990, slug: null });
    const { readerId, cookie } = await buy({ seriesSlug: "deep-dive" });
    expect(await canRead(readerId, a)).toBe(true);
    expect(await canRead(readerId, b)).toBe(true);
    expect(await canRead(readerId, outside)).toBe(false);
    // Owning the series owns its posts: buying one alone is pointless, buying the series again too.
    expect((await orderFor({ slug: a.slug }, cookie)).json.error.code).toBe("already_unlocked");
    expect((await orderFor({ seriesSlug: "deep-dive" }, cookie)).json.error.message).toContain("专栏");
  });

  it("unlocks a post added to the series later, for readers who bought it before", async () => {
    const [a, later] = [await makeArticle(), await makeArticle()];
    await newSeries("growing", [a.slug]);
    const { readerId } = await buy({ seriesSlug: "growing" });
    expect(await canRead(readerId, later)).toBe(false);
    const res = await adminCall(
      patchSeries,
      "PATCH",
      "/api/admin/series/growing",
      { articleSlugs: [a.slug, later.slug] },
      { slug: "growing" },
    );
    expect(res.status).toBe(200);
    expect(res.json.articleSlugs).toEqual([a.slug, later.slug]);
    expect(await canRead(readerId, later)).toBe(true);
  });

  it("lets a post belong to several series; owning either unlocks it", async () => {
    const shared = await makeArticle();
    await newSeries("one", [shared.slug]);
    await newSeries("two", [shared.slug]);
    const { readerId } = await buy({ seriesSlug: "two" });
    expect(await canRead(readerId, shared)).toBe(true);
  });

  it("marks a series page's posts free, paid or unlocked in three queries", async () => {
    const [free, mine, other] = [await makeArticle({ priceCents: 0 }), await makeArticle(), await makeArticle()];
    await newSeries("marks", [free.slug, mine.slug, other.slug]);
    const { readerId } = await buy({ slug: mine.slug });
    const s = await findPublishedSeries("marks");
    expect(s!.posts.map((p) => p.slug)).toEqual([free.slug, mine.slug, other.slug]);
    const readable = await readableArticleIds(readerId, s!.posts);
    expect([...readable].sort()).toEqual([free.id, mine.id].sort());
    expect(await readableArticleIds(null, s!.posts)).toEqual(new Set([free.id]));
  });

  it("answers clear 4xx for unknown posts, taken slugs and unknown series", async () => {
    const a = await makeArticle();
    const unknown = await adminCall(postSeries, "POST", "/api/admin/series", {
      slug: "x1",
      title: "X",
      priceCents: 100,
      articleSlugs: [a.slug, "nope"],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.message).toContain("nope");
    await newSeries("taken", []);
    const dup = await adminCall(postSeries, "POST", "/api/admin/series", { slug: "taken", title: "Y", priceCents: 100 });
    expect(dup.status).toBe(409);
    expect((await orderFor({ seriesSlug: "no-such-series" })).status).toBe(404);
    expect((await adminCall(getSeries, "GET", "/api/admin/series/none", undefined, { slug: "none" })).status).toBe(404);
  });

  it("deletes an unsold series, and refuses (409) once a reader owns it", async () => {
    await newSeries("empty", []);
    expect((await adminCall(deleteSeries, "DELETE", "/api/admin/series/empty", undefined, { slug: "empty" })).status).toBe(200);
    const a = await makeArticle();
    await newSeries("sold", [a.slug]);
    await buy({ seriesSlug: "sold" });
    const res = await adminCall(deleteSeries, "DELETE", "/api/admin/series/sold", undefined, { slug: "sold" });
    expect(res.status).toBe(409);
  });
});
