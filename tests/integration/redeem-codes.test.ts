import { beforeEach, describe, expect, it } from "vitest";
import { GET as exportCodes } from "@/app/api/admin/redeem-codes/export/route";
import { GET as listCodes, POST } from "@/app/api/admin/redeem-codes/route";
import { POST as revoke } from "@/app/api/admin/redeem-codes/revoke/route";
import { DELETE as deleteArticle } from "@/app/api/admin/articles/[slug]/route";
import { canRead } from "@/lib/entitlements/check";
import { dashboard } from "@/lib/admin/dashboard";
import { readerPass } from "@/lib/readers/purchases";
import { db } from "@/lib/db/client";
import { makeArticle } from "../support/db";
import { cookieFrom, makeRequest } from "../support/http";
import { ADMIN_TOKEN } from "../support/admin";
import { adminCall, buy, newCodes, newPass, newSeries, readerOf, redeemAs, shopOpen } from "../support/products";

beforeEach(shopOpen);

/** Redeems as a brand-new reader; returns the answer and that reader. */
async function redeemFresh(code: string, ip?: string) {
  const res = await redeemAs(code, undefined, ip);
  return { res, readerId: res.headers.get("set-cookie") ? readerOf(cookieFrom(res)) : null };
}

describe("redeem codes (兑换码)", () => {
  it("grants a post, a series or a pass like a paid order, without an order or revenue", async () => {
    const [a, b, c] = [await makeArticle(), await makeArticle(), await makeArticle()];
    await newSeries("s1", [b.slug]);
    const passId = await newPass({ days: 7 });
    const [forPost] = await newCodes({ articleSlug: a.slug }, 1);
    const [forSeries] = await newCodes({ seriesSlug: "s1" }, 1);
    const [forPass] = await newCodes({ passId }, 1);
    expect(forPost).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);

    const post = await redeemFresh(forPost);
    expect(post.res.json).toMatchObject({ kind: "article", href: `/posts/${a.slug}` });
    expect(await canRead(post.readerId, a)).toBe(true);
    const series = await redeemFresh(forSeries.toLowerCase().replaceAll("-", " "));
    expect(series.res.json).toMatchObject({ kind: "series", href: "/series/s1" });
    expect(await canRead(series.readerId, b)).toBe(true);
    const pass = await redeemFresh(forPass);
    expect(pass.res.json.kind).toBe("pass");
    expect(Date.parse(pass.res.json.passUntil) - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
    expect(await canRead(pass.readerId, c)).toBe(true);

    expect(await db().order.count()).toBe(0);
    const d = await dashboard();
    expect(d.redemptions).toBe(3);
    expect(d.revenue.last30Cents).toBe(0);
  });

  it("works once: the second use is refused, for another reader and for the same one", async () => {
    const a = await makeArticle();
    const [code] = await newCodes({ articleSlug: a.slug }, 1);
    const first = await redeemFresh(code);
    expect(first.res.status).toBe(200);
    const again = await redeemFresh(code);
    expect(again.res.status).toBe(409);
    expect(again.res.json.error).toMatchObject({ code: "redeem_code_used", message: "这个兑换码已被使用。每个兑换码只能使用一次。" });
    expect(await canRead(again.readerId, a)).toBe(false);
    const same = await redeemAs(code, cookieFrom(first.res));
    expect(same.json.error.message).toContain("你已经兑换过");
  });

  it("lets exactly one of two readers redeem one code at the same moment", async () => {
    const a = await makeArticle();
    const [code] = await newCodes({ articleSlug: a.slug }, 1);
    const results = await Promise.all([redeemFresh(code, "10.0.0.1"), redeemFresh(code, "10.0.0.2")]);
    expect(results.map((r) => r.res.status).sort()).toEqual([200, 409]);
    expect(await db().entitlement.count()).toBe(1);
    const row = await db().redeemCode.findFirstOrThrow();
    expect(row.redeemedBy).toBe(results.find((r) => r.res.status === 200)!.readerId);
  });

  it("keeps the code unused for a reader who already owns what it grants", async () => {
    const a = await makeArticle();
    const [code] = await newCodes({ articleSlug: a.slug }, 1);
    const owner = await buy({ slug: a.slug });
    const res = await redeemAs(code, owner.cookie);
    expect(res.status).toBe(409);
    expect(res.json.error.code).toBe("already_unlocked");
    expect((await redeemFresh(code)).res.status).toBe(200);
  });

  it("extends a reader's pass from its current end", async () => {
    const passId = await newPass({ days: 30 });
    const [code] = await newCodes({ passId }, 1);
    const bought = await buy({ passId });
    expect((await redeemAs(code, bought.cookie)).status).toBe(200);
    const { until } = await readerPass(bought.readerId);
    expect(Math.abs(until!.getTime() - (Date.now() + 60 * 86_400_000))).toBeLessThan(60_000);
  });

  it("refuses revoked and expired codes, and revoking leaves redeemed codes alone", async () => {
    const a = await makeArticle();
    const codes = await newCodes({ articleSlug: a.slug }, 3);
    expect((await redeemFresh(codes[0])).res.status).toBe(200);
    const r = await adminCall(revoke, "POST", "/api/admin/redeem-codes/revoke", { codes: codes.slice(0, 2) });
    expect(r.json).toEqual({ revoked: 1 });
    const revoked = await redeemFresh(codes[1]);
    expect(revoked.res.status).toBe(404);
    expect(revoked.res.json.error.message).toBe("这个兑换码已被站长作废。");
    await db().redeemCode.updateMany({ data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await redeemFresh(codes[2])).res.json.error.message).toBe("这个兑换码已过期。");
    const batch = (await db().redeemCode.findFirstOrThrow()).batchId;
    const listed = await adminCall(listCodes, "GET", `/api/admin/redeem-codes?batch=${batch}`);
    expect(listed.json.items.map((c: { status: string }) => c.status).sort()).toEqual(["expired", "redeemed", "revoked"]);
  });

  it("limits failed guesses per address, even from fresh readers", async () => {
    for (let i = 0; i < 10; i++) expect((await redeemFresh("AAAA-AAAA-AAAA-AAAA", "10.1.1.1")).res.status).toBe(404);
    const blocked = await redeemFresh("AAAA-AAAA-AAAA-AAAA", "10.1.1.1");
    expect(blocked.res.status).toBe(429);
    expect(blocked.res.headers.get("retry-after")).toBeTruthy();
    expect((await redeemFresh("AAAA-AAAA-AAAA-AAAA", "10.1.1.2")).res.status).toBe(404);
    expect((await redeemFresh("not a code", "10.1.1.3")).res.json.error.code).toBe("redeem_code_invalid");
  });

  it("slows guessing spread over many addresses, but a reader on a fresh address still redeems a valid code", async () => {
    const a = await makeArticle();
    const [valid] = await newCodes({ articleSlug: a.slug }, 1);
    // 300 failures from 30 addresses: what used to shut redeeming for everyone for 10 minutes.
    for (let i = 0; i < 300; i++) await redeemFresh("BBBB-BBBB-BBBB-BBBB", `10.2.${Math.floor(i / 10)}.1`);
    const fresh = await redeemFresh(valid, "10.3.0.1");
    expect(fresh.res.status).toBe(200);
    expect(fresh.res.json).toMatchObject({ kind: "article", href: `/posts/${a.slug}` });
    expect(await canRead(fresh.readerId!, a)).toBe(true);
    // Under attack a fresh address gets only a few failures, then 429 with Retry-After.
    for (let i = 0; i < 3; i++) expect((await redeemFresh("CCCC-CCCC-CCCC-CCCC", "10.3.0.2")).res.status).toBe(404);
    const slowed = await redeemFresh("CCCC-CCCC-CCCC-CCCC", "10.3.0.2");
    expect(slowed.res.status).toBe(429);
    expect(Number(slowed.res.headers.get("retry-after"))).toBeGreaterThan(0);
  }, 60_000);

  it("counts failed guesses per IPv6 /56, so rotating addresses inside one subscriber's block gets no further", async () => {
    const a = await makeArticle();
    const [valid] = await newCodes({ articleSlug: a.slug }, 1);
    for (let i = 0; i < 10; i++) {
      const res = await redeemFresh("DDDD-DDDD-DDDD-DDDD", `2001:db8:5:${(0x100 + i * 16).toString(16)}::${i + 1}`);
      expect(res.res.status).toBe(404);
    }
    expect((await redeemFresh(valid, "2001:db8:5:1ff::77")).res.status).toBe(429);
    expect((await redeemFresh(valid, "2001:db8:5:200::1")).res.status).toBe(200);
  });

  it("exports codes as CSV with a BOM for Excel, formulas escaped", async () => {
    const a = await makeArticle();
    const codes = await newCodes({ articleSlug: a.slug }, 2, { note: "=HYPERLINK(微信群)" });
    const res = await exportCodes(
      makeRequest("GET", "/api/admin/redeem-codes/export", { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } }),
      {
        params: Promise.resolve({}),
      },
    );
    expect(res.headers.get("content-type")).toContain("text/csv");
    expect(res.headers.get("content-disposition")).toContain("attachment");
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString("utf8");
    const lines = text.trim().split("\n");
    expect(lines[0]).toContain("兑换码");
    expect(lines).toHaveLength(3);
    for (const c of codes) expect(text).toContain(c);
    expect(text).toContain("'=HYPERLINK(微信群)");
  });

  it("keeps a post a reader redeemed from being deleted (unpublish instead)", async () => {
    const a = await makeArticle();
    const [code] = await newCodes({ articleSlug: a.slug }, 1);
    await redeemFresh(code);
    const res = await adminCall(deleteArticle, "DELETE", `/api/admin/articles/${a.slug}`, undefined, { slug: a.slug });
    expect(res.status).toBe(409);
    expect(res.json.error.message).toContain("兑换");
  });

  it("answers clear 4xx for bad generation requests", async () => {
    const a = await makeArticle();
    for (const body of [
      { target: { articleSlug: a.slug }, count: 0 },
      { target: { articleSlug: a.slug }, count: 1001 },
      { target: {}, count: 1 },
      { target: { articleSlug: a.slug, passId: "x" }, count: 1 },
    ]) {
      const res = await adminCall(POST, "POST", "/api/admin/redeem-codes", body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    expect((await adminCall(POST, "POST", "/api/admin/redeem-codes", { target: { articleSlug: "nope" }, count: 1 })).status).toBe(404);
  });
});
