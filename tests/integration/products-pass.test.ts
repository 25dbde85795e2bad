import { beforeEach, describe, expect, it } from "vitest";
import { GET as listPasses, POST as postPass } from "@/app/api/admin/passes/route";
import { DELETE as deletePass, PATCH as patchPass } from "@/app/api/admin/passes/[id]/route";
import { GET as capacity } from "@/app/api/admin/capacity/route";
import { canRead } from "@/lib/entitlements/check";
import { readerPass } from "@/lib/readers/purchases";
import { POST as notify } from "@/app/(phone)/api/notify/route";
import { makeArticle } from "../support/db";
import { call } from "../support/http";
import { signedNotify, wechatReceipt } from "../support/notify";
import { adminCall, agePasses, buy, newPass, orderFor, readerOf, shopOpen } from "../support/products";

beforeEach(shopOpen);

const DAY = 86_400_000;

describe("site passes (全站通)", () => {
  it("buys a pass, pays, and every paid post is unlocked for that reader only", async () => {
    const [a, b, free] = [
      await makeArticle({ priceCents: 100 }),
      await makeArticle({ priceCents: 300 }),
      await makeArticle({ priceCents: 0 }),
    ];
    const passId = await newPass({ priceCents: 990, days: 30 });
    const o = await orderFor({ passId });
    expect(o.status).toBe(201);
    expect(o.json).toMatchObject({ kind: "pass", passId, listPriceCents: 990, amountCents: 990, slug: null });
    const { readerId } = await buy({ passId });
    for (const post of [a, b, free]) expect(await canRead(readerId, post)).toBe(true);
    expect(await canRead("someone-else-0123456", a)).toBe(false);
    const status = await readerPass(readerId);
    expect(status).toMatchObject({ active: true, lifetime: false });
    expect(Math.abs(status.until!.getTime() - (Date.now() + 30 * DAY))).toBeLessThan(60_000);
  });

  it("expires after its days: the posts lock again", async () => {
    const a = await makeArticle();
    const passId = await newPass({ days: 30 });
    const { readerId } = await buy({ passId });
    await agePasses(readerId, 29);
    expect(await canRead(readerId, a)).toBe(true);
    await agePasses(readerId, 1);
    expect(await canRead(readerId, a)).toBe(false);
    expect(await readerPass(readerId)).toMatchObject({ active: false, ever: true, renew: { id: passId } });
  });

  it("renews from the current end while valid, so no paid day is lost", async () => {
    const passId = await newPass({ days: 30 });
    const first = await buy({ passId });
    await agePasses(first.readerId, 10); // 20 days left
    await buy({ passId }, first.cookie);
    const { until } = await readerPass(first.readerId);
    expect(Math.abs(until!.getTime() - (Date.now() + 50 * DAY))).toBeLessThan(60_000);
  });

  it("counts both periods when two passes of one reader settle at the same moment", async () => {
    const month = await newPass({ days: 30 });
    const week = await newPass({ name: "周卡", priceCents: 300, days: 7 });
    const a = await orderFor({ passId: month });
    const cookie = a.headers.get("set-cookie")!.split(";")[0];
    const b = await orderFor({ passId: week }, cookie);
    const results = await Promise.all([a, b].map((o) => call(notify, signedNotify(wechatReceipt(o.json.amountCents)))));
    expect(results.map((r) => r.json.result)).toEqual(["matched", "matched"]);
    const { until } = await readerPass(readerOf(cookie));
    expect(Math.abs(until!.getTime() - (Date.now() + 37 * DAY))).toBeLessThan(60_000);
  });

  it("never expires a lifetime pass, and refuses to sell a second one", async () => {
    const a = await makeArticle();
    const lifetime = await newPass({ name: "永久会员", priceCents: 19900, days: null });
    const { readerId, cookie } = await buy({ passId: lifetime });
    await agePasses(readerId, 3650);
    expect(await canRead(readerId, a)).toBe(true);
    expect(await readerPass(readerId)).toMatchObject({ active: true, lifetime: true, until: null, renew: null });
    const again = await orderFor({ passId: lifetime }, cookie);
    expect(again.status).toBe(409);
    expect(again.json.error).toMatchObject({ code: "already_unlocked", message: expect.stringContaining("永久全站通") });
    // A lifetime pass owns every post too: buying one alone is pointless.
    expect((await orderFor({ slug: a.slug }, cookie)).json.error.code).toBe("already_unlocked");
  });

  it("lets a reader with a timed pass still buy a post to keep", async () => {
    const a = await makeArticle();
    const passId = await newPass({ days: 30 });
    const { cookie } = await buy({ passId });
    expect((await orderFor({ slug: a.slug }, cookie)).status).toBe(201);
  });

  it("answers clear 4xx for bad passes and passes off sale", async () => {
    const invalid = await adminCall(postPass, "POST", "/api/admin/passes", { name: "", priceCents: 0, days: 0 });
    expect(invalid.status).toBe(400);
    expect(invalid.json.error.code).toBe("invalid_input");
    expect((await orderFor({ passId: "no-such-pass" })).status).toBe(404);
    const passId = await newPass();
    await adminCall(patchPass, "PATCH", `/api/admin/passes/${passId}`, { active: false }, { id: passId });
    const off = await orderFor({ passId });
    expect(off.status).toBe(409);
    expect(off.json.error.message).toContain("已停售");
    const both = await orderFor({ passId, slug: "x" });
    expect(both.status).toBe(400);
  });

  it("lists a pass's price in the capacity report, beside the posts' prices", async () => {
    await makeArticle({ priceCents: 100 });
    await newPass({ priceCents: 990 });
    const res = await adminCall(capacity, "GET", "/api/admin/capacity");
    const wechat = res.json.items.filter((r: { channel: string }) => r.channel === "wechat");
    expect(wechat.map((r: { priceCents: number; articles: number; others: number }) => [r.priceCents, r.articles, r.others])).toEqual([
      [100, 1, 0],
      [990, 0, 1],
    ]);
  });

  it("deletes a pass nobody bought, and refuses (409) once one was sold", async () => {
    const unsold = await newPass();
    expect((await adminCall(deletePass, "DELETE", `/api/admin/passes/${unsold}`, undefined, { id: unsold })).status).toBe(200);
    const sold = await newPass();
    await buy({ passId: sold });
    const res = await adminCall(deletePass, "DELETE", `/api/admin/passes/${sold}`, undefined, { id: sold });
    expect(res.status).toBe(409);
    expect(res.json.error.message).toContain("停售");
    const list = await adminCall(listPasses, "GET", "/api/admin/passes");
    expect(list.json.items).toEqual([expect.objectContaining({ id: sold, sold: 1, active: true })]);
  });
});
