import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { POST as mapi } from "@/app/(epay)/mapi.php/route";
import { GET as merchantOrders } from "@/app/api/admin/merchants/[pid]/orders/route";
import { POST as renotify } from "@/app/api/admin/merchant-orders/[tradeNo]/renotify/route";
import { db } from "@/lib/db/client";
import { createAlert } from "@/lib/alerts/admin";
import { startReceiver } from "../support/receiver";
import { call, makeRequest } from "../support/http";
import { ADMIN_TOKEN } from "../support/admin";
import { epaySign, startMerchantSite, type MerchantSite } from "../support/merchant-site";
import { jsonLine, startWorker } from "../support/worker";
import { gatewayOpen, gatewayRequest, newMerchant, phonePays, retryNow, runWorker } from "../support/gateway";

let merchant: { pid: number; key: string };
let site: MerchantSite;

beforeEach(async () => {
  await gatewayOpen();
  merchant = await newMerchant();
  site = await startMerchantSite("epay", () => merchant.key);
});
afterEach(async () => site.close());

async function paidOrder(m = merchant, notifyBase = site.url) {
  const p: Record<string, string> = {
    pid: String(m.pid),
    type: "wxpay",
    out_trade_no: `T${Date.now()}`,
    notify_url: `${notifyBase}/notify`,
    name: "会员",
    money: "5",
    clientip: "203.0.113.9",
  };
  const res = await call(mapi, gatewayRequest("POST", "/mapi.php", { ...p, sign: epaySign(p, m.key), sign_type: "MD5" }));
  expect(res.json.code, JSON.stringify(res.json)).toBe(1);
  const order = await db().order.findFirstOrThrow({ where: { merchantOrderId: res.json.trade_no } });
  expect(await phonePays("wechat", order.amountCents)).toMatchObject({ result: "matched" });
  return res.json.trade_no as string;
}

/** The real job worker in a fresh OS process: the server "restarted". */
async function workerProcess(): Promise<{ ran: number }> {
  const w = startWorker("tests/support/job-worker.ts", ["restarted"]);
  await w.ready;
  w.go();
  return jsonLine(await w.done, "{");
}

const adminOrders = async () =>
  (
    await call(
      merchantOrders,
      makeRequest("GET", `/api/admin/merchants/${merchant.pid}/orders`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } }),
      { pid: String(merchant.pid) },
    )
  ).json.items;

describe("merchant notify", () => {
  it("keeps retrying an unreachable notify URL and delivers it after a restart, showing paid_notify_failed meanwhile", async () => {
    const owner = await startReceiver();
    await createAlert({ kind: "webhook", events: ["merchant.notify_failed"], allowPrivate: true, config: { url: `${owner.url}/hook` } });
    const port = Number(new URL(site.url).port);
    await site.close();
    const tradeNo = await paidOrder();
    await runWorker();
    const [failed] = await adminOrders();
    expect(failed).toMatchObject({ tradeNo, status: "paid_notify_failed", notifyAttempts: 1 });
    expect(failed.lastNotifyResponse).toContain("无法连接");
    const job = await db().job.findFirstOrThrow({ where: { ref: tradeNo } });
    expect(job).toMatchObject({ status: "pending", attempts: 1 });
    expect(job.runAt.getTime()).toBeGreaterThan(Date.now() + 20_000);

    site = await startMerchantSite("epay", () => merchant.key, port);
    site.down = true;
    await retryNow();
    await runWorker();
    expect((await adminOrders())[0]).toMatchObject({
      status: "paid_notify_failed",
      notifyAttempts: 2,
      lastNotifyResponse: "HTTP 503：maintenance",
    });

    site.down = false;
    await retryNow();
    expect((await workerProcess()).ran).toBeGreaterThanOrEqual(1);
    expect(site.notifies.filter((n) => n.valid)).toHaveLength(1);
    expect((await adminOrders())[0]).toMatchObject({ status: "paid", notifyAttempts: 3, lastNotifyResponse: "HTTP 200：success" });
    expect(await db().job.findFirstOrThrow({ where: { ref: tradeNo } })).toMatchObject({ status: "done" });
    // The owner was alerted once, not on every retry.
    expect(owner.requests.map((r) => JSON.parse(r.body).type)).toEqual(["merchant.notify_failed"]);
    await owner.close();
  });

  it("does not call private or loopback addresses unless the owner allows it", async () => {
    const strict = await newMerchant({ name: "公网商户", allowPrivate: false });
    const tradeNo = await paidOrder(strict);
    await runWorker();
    expect(site.notifies).toHaveLength(0);
    const mo = await db().merchantOrder.findUniqueOrThrow({ where: { id: tradeNo } });
    expect(mo.status).toBe("paid_notify_failed");
    expect(mo.lastNotifyResponse).toContain("内网或本机地址");
  });

  it("sends 「重新通知」 again on the owner's request, also after the merchant acknowledged", async () => {
    const tradeNo = await paidOrder();
    await runWorker();
    expect(site.notifies).toHaveLength(1);
    const res = await call(
      renotify,
      makeRequest("POST", `/api/admin/merchant-orders/${tradeNo}/renotify`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } }),
      { tradeNo },
    );
    expect(res.status).toBe(202);
    await runWorker();
    expect(site.notifies.map((n) => n.valid)).toEqual([true, true]);
  });

  it("notifies once when a second payment reaches the same merchant order", async () => {
    const tradeNo = await paidOrder();
    const mo = await db().merchantOrder.findUniqueOrThrow({ where: { id: tradeNo } });
    // The same money again (a late second payment, an echo): settlement keeps it apart, the merchant hears once.
    await phonePays("wechat", mo.paidCents!);
    await runWorker();
    expect(site.notifies).toHaveLength(1);
    expect(await db().job.count({ where: { ref: tradeNo } })).toBe(1);
  });
});
