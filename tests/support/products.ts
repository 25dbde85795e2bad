/** Shared steps for the tests of what a blog sells: owner set-up through the admin API, buying, paying. */
import { expect } from "vitest";
import { POST as createOrder } from "@/app/api/orders/route";
import { POST as notify } from "@/app/(phone)/api/notify/route";
import { POST as redeem } from "@/app/api/redeem/route";
import { POST as createPass } from "@/app/api/admin/passes/route";
import { POST as createSeries } from "@/app/api/admin/series/route";
import { POST as createCodes } from "@/app/api/admin/redeem-codes/route";
import { POST as createCoupon } from "@/app/api/admin/coupons/route";
import { db } from "@/lib/db/client";
import { verifyReaderCookie } from "@/lib/readers/session";
import { makeQr } from "./db";
import { call, cookieFrom, makeRequest, readerRequest } from "./http";
import { ADMIN_TOKEN, enableAdmin } from "./admin";
import { signedNotify, wechatReceipt } from "./notify";
import { phoneOnline } from "./matching";

/** Admin on, a phone online, a universal WeChat code: ready to sell. */
export async function shopOpen(): Promise<void> {
  enableAdmin();
  await phoneOnline();
  await makeQr("wechat");
}

export function adminCall<P = Record<string, string>>(
  handler: Parameters<typeof call<P>>[0],
  method: string,
  path: string,
  body?: unknown,
  params?: P,
) {
  return call<P>(handler, makeRequest(method, path, { body, headers: { authorization: `Bearer ${ADMIN_TOKEN}` } }), params);
}

export async function newPass(body: { name?: string; priceCents?: number; days?: number | null } = {}): Promise<string> {
  const res = await adminCall(createPass, "POST", "/api/admin/passes", { name: "全站通", priceCents: 990, days: 30, ...body });
  expect(res.status, JSON.stringify(res.json)).toBe(201);
  return res.json.id;
}

export async function newSeries(slug: string, articleSlugs: string[], priceCents = 1990) {
  const res = await adminCall(createSeries, "POST", "/api/admin/series", { slug, title: `专栏 ${slug}`, priceCents, articleSlugs });
  expect(res.status, JSON.stringify(res.json)).toBe(201);
  return res.json;
}

export async function newCodes(target: Record<string, string>, count: number, extra: Record<string, unknown> = {}): Promise<string[]> {
  const res = await adminCall(createCodes, "POST", "/api/admin/redeem-codes", { target, count, ...extra });
  expect(res.status, JSON.stringify(res.json)).toBe(201);
  return res.json.codes;
}

export async function newCoupon(body: Record<string, unknown>) {
  const res = await adminCall(createCoupon, "POST", "/api/admin/coupons", body);
  expect(res.status, JSON.stringify(res.json)).toBe(201);
  return res.json;
}

export function orderFor(body: Record<string, unknown>, cookie?: string, ip?: string) {
  return call(
    createOrder,
    readerRequest("POST", "/api/orders", { body: { channel: "wechat", ...body }, cookie, headers: ip ? { "x-paywall-peer": ip } : {} }),
  );
}

/** Orders `body` as the reader behind `cookie` (a new reader without one), then the phone reports the money. */
export async function buy(body: Record<string, unknown>, cookie?: string): Promise<{ cookie: string; readerId: string; orderId: string }> {
  const o = await orderFor(body, cookie);
  expect(o.status, JSON.stringify(o.json)).toBe(201);
  const paid = await call(notify, signedNotify(wechatReceipt(o.json.amountCents)));
  expect(paid.json).toEqual({ result: "matched", orderId: o.json.id });
  const c = cookie ?? cookieFrom(o);
  return { cookie: c, readerId: readerOf(c), orderId: o.json.id };
}

export function redeemAs(code: string, cookie?: string, ip?: string) {
  return call(redeem, readerRequest("POST", "/api/redeem", { body: { code }, cookie, headers: ip ? { "x-paywall-peer": ip } : {} }));
}

export function readerOf(cookie: string): string {
  return verifyReaderCookie(decodeURIComponent(cookie.split("=")[1]))!;
}

/** Moves every pass period of a reader `days` into the past, so "now" is that much later for them. */
export async function agePasses(readerId: string, days: number): Promise<void> {
  const ms = days * 86_400_000;
  for (const g of await db().passGrant.findMany({ where: { readerId } })) {
    await db().passGrant.update({
      where: { id: g.id },
      data: { startsAt: new Date(g.startsAt.getTime() - ms), endsAt: g.endsAt ? new Date(g.endsAt.getTime() - ms) : null },
    });
  }
}
