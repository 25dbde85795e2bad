import { describe, expect, it, beforeEach } from "vitest";
import { POST as click } from "@/app/api/events/route";
import { db } from "@/lib/db/client";
import { recordView } from "@/lib/articles/events";
import { flushViews } from "@/lib/articles/views";
import { dashboard } from "@/lib/admin/dashboard";
import { resetRateLimits } from "@/lib/http/rate-limit";
import { makeArticle, makeQr } from "../support/db";
import { call, readerRequest } from "../support/http";
import { order, phoneOnline } from "../support/matching";

// Real receiving codes are handed out only once a notifier is configured (demo mode uses demo codes).
beforeEach(async () => {
  await phoneOnline();
});

const sendClick = (slug: string, ip: string) =>
  call(click, readerRequest("POST", "/api/events", { body: { type: "click", slug }, headers: { "x-paywall-peer": ip } }));

describe("funnel events are counted per address and article, not per request", () => {
  it("writes one click row per address and article per 10 minutes, however often POST /api/events is called", async () => {
    const a = await makeArticle();
    const b = await makeArticle();
    for (let i = 0; i < 20; i++) expect((await sendClick(a.slug, "198.51.100.1")).status).toBe(200);
    await sendClick(b.slug, "198.51.100.1");
    await sendClick(a.slug, "198.51.100.2");
    await sendClick(a.slug, "2001:db8:7:7::1");
    await sendClick(a.slug, "2001:db8:7:7::2");
    expect(await db().event.count({ where: { type: "click", articleId: a.id } })).toBe(3);
    expect(await db().event.count({ where: { type: "click", articleId: b.id } })).toBe(1);
  });

  it("writes one view row per address and article per 10 minutes for page renders, in one batch", async () => {
    const a = await makeArticle();
    for (let i = 0; i < 10; i++) await recordView(a.id, "198.51.100.1");
    await recordView(a.id, "198.51.100.2");
    // Nothing written per page view: the batch goes in when flushed (every few seconds).
    expect(await db().event.count({ where: { type: "view" } })).toBe(0);
    expect(await flushViews()).toBe(2);
    expect(await db().event.count({ where: { type: "view" } })).toBe(2);
  });

  it("drops buffered views of a post deleted before the batch is written, keeping the others", async () => {
    const a = await makeArticle();
    const b = await makeArticle();
    await recordView(a.id, "198.51.100.1");
    await recordView(b.id, "198.51.100.1");
    await db().article.delete({ where: { id: b.id } });
    expect(await flushViews()).toBe(1);
    expect(await db().event.findMany({ select: { articleId: true } })).toEqual([{ articleId: a.id }]);
  });

  it("counts orders once per address and article, so a reader switching channel is one order in the funnel", async () => {
    const a = await makeArticle();
    await makeQr("wechat");
    await makeQr("alipay");
    const first = await order(a.slug, { channel: "wechat", ip: "198.51.100.1" });
    const cookie = first.headers.get("set-cookie")!.split(";")[0];
    expect((await order(a.slug, { channel: "alipay", ip: "198.51.100.1", cookie })).status).toBe(201);
    expect(await db().order.count()).toBe(2);
    const d = await dashboard();
    expect(d.funnel.orders).toBe(1);
  });

  it("prunes funnel events older than 90 days when recording, keeping newer ones", async () => {
    const a = await makeArticle();
    const day = 86_400_000;
    await db().event.create({ data: { type: "view", articleId: a.id, createdAt: new Date(Date.now() - 91 * day) } });
    await db().event.create({ data: { type: "paid", articleId: a.id, createdAt: new Date(Date.now() - 89 * day) } });
    await resetRateLimits();
    await recordView(a.id, "198.51.100.1");
    await flushViews();
    const left = await db().event.findMany({ select: { type: true }, orderBy: { createdAt: "asc" } });
    expect(left.map((e) => e.type)).toEqual(["paid", "view"]);
  });
});
