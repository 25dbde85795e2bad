import { db } from "@/lib/db/client";
import { AppError, isAppError } from "@/lib/errors";
import { config } from "@/lib/config";
import { notifierHealth } from "@/lib/devices/health";
import { sameSign, vmqSign } from "@/lib/gateway/sign";
import { VMQ_TYPE_CHANNEL, CHANNEL_VMQ_TYPE } from "@/lib/gateway/protocol";
import { openMerchantOrder } from "@/lib/gateway/create";
import { badSign, type Params } from "@/lib/gateway/http";
import { closeMerchantOrder, loadMerchantOrder, readMerchantOrder, signedReturnUrl, vmqState } from "@/lib/gateway/state";
import type { MerchantRow } from "@/lib/gateway/merchants";

/**
 * V免签 merchant side (createOrder, getOrder, checkOrder, closeOrder,
 * getState). Its clients send no merchant id: the key is only inside the MD5,
 * so the merchant is the one whose key reproduces the signature.
 */
async function merchantBySign(parts: string[], sign: string | undefined, ip: string): Promise<MerchantRow> {
  const merchants = await db().merchant.findMany({ where: { enabled: true } });
  // Every key is tried, whatever matches first: the time taken does not tell which merchant signed.
  let found: MerchantRow | null = null;
  for (const m of merchants) if (sameSign(vmqSign(parts, m.key), sign) && !found) found = m;
  return found ?? badSign(ip, "签名错误");
}

const seconds = (d: Date) => Math.floor(d.getTime() / 1000);

export async function vmqCreate(p: Params, ip: string, now = new Date()) {
  for (const k of ["payId", "type", "price", "sign"]) if (!p[k]) throw new AppError("invalid_input", `请传入参数 ${k}`);
  const channel = VMQ_TYPE_CHANNEL[p.type];
  if (!channel) throw new AppError("invalid_input", "支付方式错误=>1|微信 2|支付宝");
  const m = await merchantBySign([p.payId, p.param ?? "", p.type, p.price], p.sign, ip);
  if (!p.notifyUrl) throw new AppError("invalid_input", "请传入异步通知地址 notifyUrl");
  const { mo, order } = await openMerchantOrder(
    m,
    {
      protocol: "vmq",
      outTradeNo: p.payId,
      name: p.param || p.payId,
      priceText: p.price,
      channel,
      param: p.param || null,
      notifyUrl: p.notifyUrl,
      returnUrl: p.returnUrl || null,
      // Server-to-server: `ip` is the shop's, not a buyer's; the merchant's own cap counts these orders.
      clientIp: null,
    },
    now,
  );
  const loaded = await loadMerchantOrder(mo.id);
  return {
    tradeNo: mo.id,
    data: {
      payId: mo.outTradeNo,
      orderId: mo.id,
      payType: Number(CHANNEL_VMQ_TYPE[channel]),
      price: mo.priceCents / 100,
      reallyPrice: order ? order.amountCents / 100 : null,
      payUrl: order?.qr?.payload ?? "",
      isAuto: order?.qr && !order.qr.fixedAmount ? 1 : 0,
      state: await vmqState(loaded, now),
      timeOut: Math.max(1, Math.round(config().ORDER_TTL_SECONDS / 60)),
      date: seconds(mo.createdAt),
    },
  };
}

/** A V免签 read by order id (unsigned in the protocol: limited per address, state.ts readMerchantOrder). */
async function readByOrderId(orderId: string, ip: string) {
  return readMerchantOrder(orderId, ip).catch((e) => {
    if (isAppError(e) && e.code === "order_not_found") throw new AppError("order_not_found", "云端订单编号不存在");
    throw e;
  });
}

/** getOrder: unsigned in the protocol; the 19-digit order id is what the pay page knows. */
export async function vmqGetOrder(p: Params, ip: string, now = new Date()) {
  if (!p.orderId) throw new AppError("invalid_input", "请传入订单编号");
  const mo = await readByOrderId(p.orderId, ip);
  const order = mo.orderId ? await db().order.findUnique({ where: { id: mo.orderId }, include: { qrCode: true } }) : null;
  return {
    payId: mo.outTradeNo,
    orderId: mo.id,
    payType: mo.channel ? Number(CHANNEL_VMQ_TYPE[mo.channel as "wechat" | "alipay"]) : null,
    price: mo.priceCents / 100,
    reallyPrice: (mo.paidCents ?? order?.amountCents ?? mo.priceCents) / 100,
    payUrl: order?.qrCode?.payload ?? "",
    isAuto: order?.qrCode && order.qrCode.amountCents === null ? 1 : 0,
    state: await vmqState(mo, now),
    timeOut: Math.max(1, Math.round(config().ORDER_TTL_SECONDS / 60)),
    date: seconds(mo.createdAt),
  };
}

/** checkOrder: the signed return URL once paid, which the pay page opens. */
export async function vmqCheckOrder(p: Params, ip: string, now = new Date()): Promise<string | null> {
  if (!p.orderId) throw new AppError("invalid_input", "请传入订单编号");
  const mo = await readByOrderId(p.orderId, ip);
  const state = await vmqState(mo, now);
  if (state === 0) throw new AppError("conflict", "订单未支付");
  if (state === -1) throw new AppError("conflict", "订单已过期");
  return signedReturnUrl(mo);
}

/** closeOrder: only with the key of the merchant that opened the order. */
export async function vmqCloseOrder(p: Params, ip: string, now = new Date()): Promise<void> {
  if (!p.orderId || !p.sign) throw new AppError("invalid_input", "请传入订单编号和签名");
  const mo = await loadMerchantOrder(p.orderId).catch(() => {
    throw new AppError("order_not_found", "云端订单编号不存在");
  });
  if (!sameSign(vmqSign([mo.id], mo.merchant.key), p.sign)) await badSign(ip, "签名错误");
  await closeMerchantOrder(mo.id, now);
}

/** getState: the phone's heartbeat and last payment, for any merchant's key. */
export async function vmqGetState(p: Params, ip: string) {
  if (!p.t || !p.sign) throw new AppError("invalid_input", "请传入参数 t 和 sign");
  await merchantBySign([p.t], p.sign, ip);
  const [health, last] = await Promise.all([
    notifierHealth(),
    db().payment.findFirst({ where: { demo: false }, orderBy: { receivedAt: "desc" }, select: { receivedAt: true } }),
  ]);
  const state = health.lastSeenAt === null ? "-1" : health.online ? "1" : "0";
  return {
    lastheart: health.lastSeenAt ? String(seconds(health.lastSeenAt)) : "0",
    lastpay: last ? String(seconds(last.receivedAt)) : "0",
    state,
    jkstate: state,
  };
}
