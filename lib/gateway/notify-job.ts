import { db } from "@/lib/db/client";
import { PermanentJobError, type Handlers } from "@/lib/jobs/runner";
import { isPaidStatus } from "@/lib/gateway/protocol";
import { acknowledged, paidParams, toQuery } from "@/lib/gateway/params";
import { paidFacts } from "@/lib/gateway/facts";
import { domainsOf } from "@/lib/gateway/merchants";
import { hostAllowed, withQuery } from "@/lib/gateway/urls";
import { send } from "@/lib/http/outbound";
import { MERCHANT_NOTIFY_JOB } from "@/lib/gateway/paid";
import { raiseEventSafely } from "@/lib/alerts/raise";

/**
 * The worker's side of merchant notifies (queued by paid.ts in the settlement
 * transaction, or by the owner's 「重新通知」): one signed GET per attempt; a
 * failure is recorded on the merchant order (paid_notify_failed, with what the
 * merchant answered) and thrown, so the queue retries it with backoff — across
 * restarts and processes (lib/jobs). Each attempt has a hard overall deadline
 * and runs in the worker's merchant lane, never ahead of the owner's alerts.
 */
const NOTIFY_DEADLINE_MS = 10_000;
export const gatewayHandlers: Handlers = {
  [MERCHANT_NOTIFY_JOB]: async (payload) => {
    const { merchantOrderId, manual } = payload as { merchantOrderId: string; manual?: boolean };
    const mo = await db().merchantOrder.findUnique({ where: { id: merchantOrderId }, include: { merchant: true } });
    if (!mo) throw new PermanentJobError("这笔网关订单已被删除。");
    // An automatic retry after an acknowledgement (a duplicate job) sends nothing; the owner's resend does.
    if (mo.notifiedAt && !manual) return;
    const facts = isPaidStatus(mo.status) ? paidFacts(mo) : null;
    if (!facts || !mo.notifyUrl) throw new PermanentJobError("订单未付款或没有通知地址。");
    if (!hostAllowed(new URL(mo.notifyUrl).hostname, domainsOf(mo.merchant))) {
      await record(mo.id, false, "通知地址的域名已不在商户允许的域名中，未发送。");
      throw new PermanentJobError("通知地址的域名已不在商户允许的域名中。");
    }
    const url = withQuery(mo.notifyUrl, toQuery(paidParams(facts, mo.merchant.key)));
    let shown: string;
    let ok = false;
    try {
      const answer = await send({
        method: "GET",
        url,
        allowPrivate: mo.merchant.allowPrivate,
        deadlineMs: NOTIFY_DEADLINE_MS,
        maxBody: 4096,
      });
      shown = `HTTP ${answer.status}：${answer.body.slice(0, 300) || "（空）"}`;
      ok = acknowledged(facts.protocol, answer.body);
    } catch (e) {
      // 超时（10 秒内未完成） / 无法连接：ECONNREFUSED / the address guard's refusal.
      shown = (e as Error).message;
    }
    await record(mo.id, ok, shown);
    if (ok) return;
    // The owner hears once per failing spell (paid → paid_notify_failed), not on every retry.
    if (mo.status === "paid") {
      const d = { tradeNo: mo.id, merchant: mo.merchant.name, outTradeNo: mo.outTradeNo, amountCents: facts.paidCents, response: shown };
      await raiseEventSafely("merchant.notify_failed", d);
    }
    throw new Error(`商户未确认通知（${shown}）`);
  },
};

async function record(id: string, ok: boolean, response: string): Promise<void> {
  const now = new Date();
  await db().merchantOrder.updateMany({
    where: { id, status: { in: ["paid", "paid_notify_failed"] } },
    data: {
      status: ok ? "paid" : "paid_notify_failed",
      notifyAttempts: { increment: 1 },
      lastNotifyAt: now,
      lastNotifyResponse: response,
      ...(ok ? { notifiedAt: now } : {}),
    },
  });
}
