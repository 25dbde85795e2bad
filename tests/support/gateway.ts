/** Shared steps for the gateway tests: the owner creates a merchant, a buyer pays, the worker notifies. */
import { expect } from "vitest";
import { POST as createMerchantRoute } from "@/app/api/admin/merchants/route";
import { POST as notify } from "@/app/(phone)/api/notify/route";
import { runDueJobs } from "@/lib/jobs/runner";
import { handlers } from "@/lib/worker/start";
import { db } from "@/lib/db/client";
import { call, makeRequest } from "./http";
import { enableAdmin, ADMIN_TOKEN } from "./admin";
import { signedNotify, wechatReceipt, alipayReceipt } from "./notify";
import { phoneOnline } from "./matching";
import { makeQr } from "./db";

export async function gatewayOpen(): Promise<void> {
  enableAdmin();
  await phoneOnline();
  await makeQr("wechat");
  await makeQr("alipay");
}

export async function newMerchant(body: Record<string, unknown> = {}): Promise<{ pid: number; key: string }> {
  const res = await call(
    createMerchantRoute,
    makeRequest("POST", "/api/admin/merchants", {
      body: { name: "发卡网", notifyDomains: ["127.0.0.1", "shop.example.com"], allowPrivate: true, ...body },
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    }),
  );
  expect(res.status, JSON.stringify(res.json)).toBe(201);
  return res.json;
}

/** The owner's phone reports a payment of `cents` on a channel (a signed native notification). */
export async function phonePays(channel: "wechat" | "alipay", cents: number) {
  const res = await call(notify, signedNotify(channel === "wechat" ? wechatReceipt(cents) : alipayReceipt(cents)));
  expect(res.status).toBe(200);
  return res.json as { result: string; orderId?: string };
}

/** Runs every job that is due now, as the worker does every few seconds. */
export async function runWorker(now = new Date()): Promise<void> {
  while ((await runDueJobs(handlers, { now })) > 0);
}

/** Lets the queue's retry become due (the backoff is 30 s and more). */
export async function retryNow(): Promise<void> {
  await db().job.updateMany({ where: { status: "pending" }, data: { runAt: new Date(Date.now() - 1000) } });
}

/** A request as a shop's server (or a buyer's browser) sends it, from `ip` (default: the test's 127.0.0.1). */
export const gatewayRequest = (method: string, path: string, form?: Record<string, string>, ip?: string) =>
  makeRequest(method, path, {
    rawBody: form ? new URLSearchParams(form).toString() : undefined,
    headers: { ...(form ? { "content-type": "application/x-www-form-urlencoded" } : {}), ...(ip ? { "x-paywall-peer": ip } : {}) },
  });
