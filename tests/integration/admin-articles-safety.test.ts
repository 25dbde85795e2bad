import { describe, expect, it, beforeEach } from "vitest";
import { POST as create } from "@/app/api/admin/articles/route";
import { GET as read, PATCH as update, DELETE as remove } from "@/app/api/admin/articles/[slug]/route";
import { db } from "@/lib/db/client";
import { findPublishedArticle } from "@/lib/articles/queries";
import { call } from "../support/http";
import { adminRequest, enableAdmin } from "../support/admin";
import { makeArticle, makeQr } from "../support/db";
import { age, order, phoneOnline } from "../support/matching";

// Real receiving codes are handed out only once a notifier is configured (demo mode uses demo codes).
beforeEach(async () => {
  await phoneOnline();
});

const patch = async (slug: string, body: unknown) =>
  call(update, await adminRequest("token", "PATCH", `/api/admin/articles/${slug}`, { body }), { slug });
const del = async (slug: string) => call(remove, await adminRequest("token", "DELETE", `/api/admin/articles/${slug}`), { slug });

describe("partial PATCH of an article", () => {
  it("leaves a published post published when the patch does not mention `published`", async () => {
    enableAdmin();
    await makeArticle({ slug: "live", published: true });
    const res = await patch("live", { title: "新标题" });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ title: "新标题", published: true });
    expect(await findPublishedArticle("live")).not.toBeNull();
  });
});

describe("Markdown round trip through the admin API", () => {
  it("keeps the teaser of a paid post with an empty body public after reading and saving it back unchanged", async () => {
    enableAdmin();
    const body = { slug: "teaser-only", title: "只有开头", priceCents: 100, markdown: "公开开头\n\n<!-- more -->\n", published: true };
    expect((await call(create, await adminRequest("token", "POST", "/api/admin/articles", { body }))).status).toBe(201);
    const got = await call(read, await adminRequest("token", "GET", "/api/admin/articles/teaser-only"), { slug: "teaser-only" });
    expect((await patch("teaser-only", { markdown: got.json.markdown })).status).toBe(200);
    const row = await db().article.findUniqueOrThrow({ where: { slug: "teaser-only" } });
    expect(row).toMatchObject({ teaser: "公开开头", body: "" });
  });
});

describe("deleting an article", () => {
  it("refuses 409 with a hint to unpublish while an order holds an amount slot, and keeps the order", async () => {
    enableAdmin();
    const a = await makeArticle({ slug: "paying-now" });
    await makeQr("wechat");
    const o = await order(a.slug);
    expect(o.status).toBe(201);
    const res = await del("paying-now");
    expect(res.status).toBe(409);
    expect(res.json.error.message).toContain("下架");
    expect(await db().order.count({ where: { id: o.json.id } })).toBe(1);
  });

  it("refuses while a cancelled order is still inside its late-payment grace, and allows it once the slot is released", async () => {
    enableAdmin();
    const a = await makeArticle({ slug: "grace" });
    await makeQr("wechat");
    const o = await order(a.slug);
    await db().order.update({ where: { id: o.json.id }, data: { status: "cancelled", cancelledAt: new Date(), readerOpenKey: null } });
    expect((await del("grace")).status).toBe(409);
    await age(o.json.id, 3600);
    expect((await del("grace")).status).toBe(200);
    expect(await db().article.count({ where: { id: a.id } })).toBe(0);
  });
});
