/** Shared steps for the matching tests: phone online, orders, time travel, admin calls. */
import { expect } from "vitest";
import { POST as createOrder } from "@/app/api/orders/route";
import { POST as notify } from "@/app/(phone)/api/notify/route";
import { db } from "@/lib/db/client";
import { call, makeRequest, readerRequest } from "./http";
import { signedNotify, TEST_SECRET } from "./notify";

const ADMIN_TOKEN = "test-admin-token-0123456789";

export async function phoneOnline() {
  process.env.NOTIFY_SECRET = TEST_SECRET;
  const hb = await call(notify, signedNotify({ type: "heartbeat" }));
  expect(hb.status).toBe(200);
}

export function order(slug: string, opts: { channel?: string; cookie?: string; ip?: string; headers?: Record<string, string> } = {}) {
  const headers = { ...(opts.ip ? { "x-paywall-peer": opts.ip } : {}), ...(opts.headers ?? {}) };
  return call(
    createOrder,
    readerRequest("POST", "/api/orders", { body: { slug, channel: opts.channel ?? "wechat" }, cookie: opts.cookie, headers }),
  );
}

export function pay(payload: Record<string, unknown>, opts: { id?: string; secret?: string; timestamp?: number } = {}) {
  return call(notify, signedNotify(payload, opts));
}

/**
 * Moves an order `seconds` into the past (all its instants), which is how the
 * route-level tests let time pass without waiting: the server compares these
 * instants with its own clock.
 */
export async function age(orderId: string, seconds: number) {
  const o = await db().order.findUniqueOrThrow({ where: { id: orderId } });
  const back = (d: Date | null) => (d ? new Date(d.getTime() - seconds * 1000) : d);
  await db().order.update({
    where: { id: orderId },
    data: {
      createdAt: back(o.createdAt)!,
      expiresAt: back(o.expiresAt)!,
      slotHeldUntil: back(o.slotHeldUntil)!,
      cancelledAt: back(o.cancelledAt),
      paidAt: back(o.paidAt),
    },
  });
}

export function admin(method: string, path: string, body?: unknown) {
  process.env.ADMIN_TOKEN = ADMIN_TOKEN;
  return makeRequest(method, path, { body, headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
}

/** No two orders that hold a slot share (channel, account, amount) — checked on the rows, not the API. */
export async function expectNoSharedSlots() {
  const held = await db().order.findMany({
    where: { openSlot: { not: null } },
    select: { channel: true, accountId: true, amountCents: true, openSlot: true },
  });
  const keys = held.map((h) => `${h.channel}:${h.accountId}:${h.amountCents}`);
  expect(new Set(keys).size).toBe(keys.length);
  for (const h of held) expect(h.openSlot).toBe(`${h.channel}:${h.accountId}:${h.amountCents}`);
}
