import { afterEach, describe, expect, it } from "vitest";
import { GET as orderEvents } from "@/app/api/orders/[id]/events/route";
import { withTx, afterCommit } from "@/lib/db/tx";
import pg from "pg";
import { onOrderPaid, closeBus, ORDER_PAID_CHANNEL } from "@/lib/events/bus";
import { assignPayment } from "@/lib/payments/admin";
import { db } from "@/lib/db/client";
import { makeArticle, makeQr } from "../support/db";
import { makeRequest } from "../support/http";
import { wechatReceipt } from "../support/notify";
import { order, pay, phoneOnline } from "../support/matching";

/** Opens the order's event stream the way a browser's EventSource does; read() collects text until `until` appears. */
async function openStream(id: string, ip = "10.0.0.1") {
  const abort = new AbortController();
  const req = new Request(makeRequest("GET", `/api/orders/${id}/events`, { headers: { "x-paywall-peer": ip } }), { signal: abort.signal });
  const res = await orderEvents(req, { params: Promise.resolve({ id }) });
  // Taken on first read, so an error answer can still be read as JSON.
  let r: ReadableStreamDefaultReader<Uint8Array> | undefined;
  const body = () => (r ??= res.body?.getReader());
  const decoder = new TextDecoder();
  let text = "";
  const read = async (until: string, ms = 5000) => {
    const deadline = Date.now() + ms;
    const reader = body();
    while (!text.includes(until) && reader) {
      const chunk = await Promise.race([
        reader.read(),
        new Promise<null>((r) => setTimeout(() => r(null), Math.max(0, deadline - Date.now()))),
      ]);
      if (!chunk || chunk.done) break;
      text += decoder.decode(chunk.value);
    }
    return text;
  };
  return {
    res,
    read,
    close: () => abort.abort(),
    done: async () => {
      const reader = body();
      for (;;) if (!reader || (await reader.read()).done) return true;
    },
  };
}

const statusEvent = (text: string) => {
  const m = /event: status\ndata: (.*)\n\n/.exec(text);
  return m ? (JSON.parse(m[1]) as { id: string; status: string }) : null;
};

afterEach(async () => {
  delete process.env.ORDER_STREAMS_PER_IP;
  await closeBus();
});

describe("order events: the reader's page is told the moment the order is paid", () => {
  it("pushes the paid status once the payment commits, then ends the stream", async () => {
    const article = await makeArticle({ priceCents: 500 });
    await makeQr("wechat");
    await phoneOnline();
    const o = (await order(article.slug)).json;
    const stream = await openStream(o.id);
    expect(stream.res.headers.get("content-type")).toContain("text/event-stream");
    expect(stream.res.headers.get("cache-control")).toContain("no-store");
    expect(await stream.read(": open")).not.toContain("event: status");

    expect((await pay(wechatReceipt(o.amountCents))).json.result).toBe("matched");
    const event = statusEvent(await stream.read("event: status"));
    expect(event).toMatchObject({ id: o.id, status: "paid" });
    expect(await stream.done()).toBe(true);
  });

  it("answers at once for an order that is already paid, and 404 for an unknown one", async () => {
    const article = await makeArticle({ priceCents: 500 });
    await makeQr("wechat");
    await phoneOnline();
    const o = (await order(article.slug)).json;
    await pay(wechatReceipt(o.amountCents));
    const stream = await openStream(o.id);
    expect(statusEvent(await stream.read("event: status"))?.status).toBe("paid");

    const missing = await openStream("no_such_order_123");
    expect(missing.res.status).toBe(404);
    expect((await missing.res.json()).error.code).toBe("order_not_found");
  });

  it("pushes an owner's manual assignment too", async () => {
    const article = await makeArticle({ priceCents: 500 });
    await makeQr("wechat");
    await phoneOnline();
    const o = (await order(article.slug)).json;
    // A payment of another amount lands in the inbox; the owner assigns it to this order.
    const stray = (await pay(wechatReceipt(o.amountCents - 1))).json;
    expect(stray.result).toBe("unmatched");
    const paymentId = (await db().payment.findFirstOrThrow({ where: { amountCents: o.amountCents - 1 } })).id;
    const stream = await openStream(o.id);
    await stream.read(": open");
    await assignPayment(paymentId, o.id, { force: true });
    expect(statusEvent(await stream.read("event: status"))?.status).toBe("paid");
  });

  it("publishes only after commit: a rolled-back transaction tells nobody", async () => {
    const heard: string[] = [];
    const off = await onOrderPaid("order_rolled_back_1", () => heard.push("rolled back"));
    const off2 = await onOrderPaid("order_committed_1", () => heard.push("committed"));
    const { publishOrderPaid } = await import("@/lib/events/bus");
    await expect(
      withTx(async (tx) => {
        afterCommit(tx, () => publishOrderPaid("order_rolled_back_1"));
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    await withTx(async (tx) => {
      afterCommit(tx, () => publishOrderPaid("order_committed_1"));
      // Not yet: the transaction is still open.
      expect(heard).toEqual([]);
    });
    await expect.poll(() => heard, { timeout: 5000 }).toEqual(["committed"]);
    off();
    off2();
  });

  it.runIf(!!process.env.TEST_DATABASE_URL)("on PostgreSQL, hears a payment committed by another instance (LISTEN/NOTIFY)", async () => {
    const heard: string[] = [];
    const off = await onOrderPaid("order_elsewhere_1", () => heard.push("elsewhere"));
    // Another server process: its own connection, the same NOTIFY settle.ts sends after commit.
    const other = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await other.connect();
    await other.query("SELECT pg_notify($1, $2)", [ORDER_PAID_CHANNEL, "order_elsewhere_1"]);
    await other.end();
    await expect.poll(() => heard, { timeout: 5000 }).toEqual(["elsewhere"]);
    off();
  });

  it("bounds the open streams per address: beyond ORDER_STREAMS_PER_IP the page is told to poll", async () => {
    process.env.ORDER_STREAMS_PER_IP = "2";
    const article = await makeArticle({ priceCents: 500 });
    await makeQr("wechat");
    await phoneOnline();
    const o = (await order(article.slug)).json;
    const a = await openStream(o.id, "10.1.1.1");
    const b = await openStream(o.id, "10.1.1.2");
    const c = await openStream(o.id, "10.1.1.1");
    const d = await openStream(o.id, "10.1.1.1");
    expect([a.res.status, b.res.status, c.res.status]).toEqual([200, 200, 200]);
    expect(d.res.status).toBe(429);
    expect((await d.res.json()).error.code).toBe("rate_limited");
    // A closed stream frees its place.
    a.close();
    await a.done().catch(() => true);
    await expect.poll(async () => (await openStream(o.id, "10.1.1.1")).res.status, { timeout: 3000 }).toBe(200);
    for (const s of [b, c]) s.close();
  });
});
