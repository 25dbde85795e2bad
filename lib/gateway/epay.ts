import ipaddr from "ipaddr.js";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { sameSign, epayVerify } from "@/lib/gateway/sign";
import { EPAY_TYPE_CHANNEL, isPaidStatus } from "@/lib/gateway/protocol";
import { openMerchantOrder, type MerchantOrderRow } from "@/lib/gateway/create";
import { badSign, refusal, type Params } from "@/lib/gateway/http";
import { formatCents } from "@/lib/money";
import type { MerchantRow } from "@/lib/gateway/merchants";
import type { OrderView } from "@/lib/orders/view";
import { chinaWallClock } from "@/lib/china-time";

/**
 * 易支付 (彩虹易支付 v1, MD5) server side: submit.php and mapi.php open a
 * payment, api.php answers queries. docs/gateway.md has the fields and why.
 */
async function merchantByPid(pid: string | undefined): Promise<MerchantRow> {
  const n = /^\d{1,9}$/.test(pid ?? "") ? Number(pid) : NaN;
  const m = Number.isSafeInteger(n) ? await db().merchant.findUnique({ where: { pid: n } }) : null;
  if (!m) throw refusal(-3, "商户不存在！");
  return m;
}

/** 易支付 reads the query when it carries pid, otherwise the form body. */
export const epayFields = (p: { query: Params; body: Params }): Params => ("pid" in p.query ? p.query : p.body);

export async function epayOpen(
  p: Params,
  mode: "submit" | "mapi",
  requestIp: string,
): Promise<{ mo: MerchantOrderRow; order: OrderView | null }> {
  if (Object.keys(p).length === 0) throw refusal(-4, "未传入任何参数");
  const m = await merchantByPid(p.pid);
  if (!epayVerify(p, m.key, m.ampKeySign)) await badSign(requestIp, "签名校验失败，请返回重试！");
  const missing = ["out_trade_no", "notify_url", "name", "money", ...(mode === "submit" ? ["return_url"] : ["type", "clientip"])].find(
    (k) => !p[k],
  );
  if (missing) throw new AppError("invalid_input", `${missing} 不能为空`);
  const channel = p.type ? EPAY_TYPE_CHANNEL[p.type] : null;
  if (p.type && !channel) throw new AppError("invalid_input", `不支持的支付方式 ${p.type}，可用：wxpay（微信）、alipay（支付宝）`);
  return openMerchantOrder(m, {
    protocol: "epay",
    outTradeNo: p.out_trade_no,
    name: p.name,
    priceText: p.money,
    channel,
    param: p.param || null,
    notifyUrl: p.notify_url,
    returnUrl: p.return_url || null,
    // mapi.php: the buyer's address as the shop saw it; a value that is no address counts against the merchant's cap.
    clientIp: mode === "mapi" ? (ipaddr.isValid(p.clientip.trim()) ? p.clientip : null) : requestIp,
  });
}

/** api.php authenticates with pid and the key itself (no signature), compared in constant time. */
async function merchantByKey(p: Params): Promise<MerchantRow> {
  const m = await merchantByPid(p.pid);
  if (!sameSign(m.key, p.key ?? "")) throw refusal(-3, "商户密钥错误");
  return m;
}

const china = (d: Date | null) => (d ? chinaWallClock(d) : null);

/** api.php?act=order|query; values as strings, like the PHP original reads them from MySQL. */
export async function epayApi(p: Params, origin: string): Promise<unknown> {
  const m = await merchantByKey(p);
  if (p.act === "query") {
    const orders = await db().merchantOrder.count({ where: { merchantId: m.id, status: { in: ["paid", "paid_notify_failed"] } } });
    return { code: 1, pid: m.pid, key: m.key, active: m.enabled ? 1 : 0, money: "0.00", type: 1, account: "", username: m.name, orders };
  }
  if (p.act !== "order") throw refusal(-5, "No Act!");
  if (!p.trade_no && !p.out_trade_no) throw refusal(-4, "订单号不能为空");
  // Always scoped to this merchant: another merchant's order reads as "not found".
  const mo = await db().merchantOrder.findFirst({
    where: { merchantId: m.id, ...(p.trade_no ? { id: p.trade_no } : { outTradeNo: p.out_trade_no }) },
  });
  if (!mo) throw refusal(-1, "订单号不存在");
  return {
    code: 1,
    msg: "succ",
    trade_no: mo.id,
    out_trade_no: mo.outTradeNo,
    api_trade_no: mo.orderId ?? "",
    type: mo.channel === "wechat" ? "wxpay" : mo.channel === "alipay" ? "alipay" : "",
    pid: String(m.pid),
    addtime: china(mo.createdAt),
    endtime: china(mo.paidAt),
    name: mo.name,
    money: formatCents(mo.priceCents),
    param: mo.param ?? "",
    buyer: "",
    status: isPaidStatus(mo.status) ? "1" : "0",
    payurl: `${origin}/pay/${mo.id}`,
  };
}
