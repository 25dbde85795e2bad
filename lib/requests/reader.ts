import { withTx } from "@/lib/db/tx";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { consume } from "@/lib/http/rate-limit";
import { addressKey } from "@/lib/http/address-key";
import { raiseEvent } from "@/lib/alerts/raise";
import { siteSettings } from "@/lib/settings/store";
import { soldItem } from "@/lib/payments/sold";
import { REQUEST_KIND, type RequestKind } from "@/lib/requests/vocab";

/**
 * POST /api/me/requests — 申请退款 / 有问题 about one of the reader's purchases. A desk instead of a
 * complaint to the wallet: the request reaches the owner's inbox and alerts (reader.request) with
 * the answer due by the response time the owner promises (setting requestResponseHours), which the
 * reader is shown. Only the buyer may ask, about a paid order of theirs, one open request per order
 * (unique ReaderRequest.openKey), a few a day per reader and per address.
 */
const PER_READER_PER_DAY = 5;
const PER_ADDRESS_PER_DAY = 20;
const LIMIT_MESSAGE = "今天提交的请求太多了，请等待站长答复。";

export interface NewRequest {
  orderId: string;
  kind: RequestKind;
  message: string;
  contact?: string | null;
}

export async function createRequest(readerId: string | null, input: NewRequest, ip: string, now = new Date()) {
  const notFound = new AppError("order_not_found", "找不到这笔购买：请在购买时使用的浏览器里操作，或先用恢复链接恢复购买记录。");
  if (!readerId) throw notFound;
  const address = addressKey(ip);
  await consume("request-reader", readerId, PER_READER_PER_DAY, 86_400, LIMIT_MESSAGE);
  await consume("request-ip", address, PER_ADDRESS_PER_DAY, 86_400, LIMIT_MESSAGE);
  const hours = (await siteSettings()).requestResponseHours;
  const dueAt = new Date(now.getTime() + hours * 3600_000);
  return withTx(async (tx) => {
    const order = await tx.order.findUnique({
      where: { id: input.orderId },
      select: { id: true, readerId: true, status: true, kind: true, amountCents: true, payment: { select: { status: true } } },
    });
    if (!order || order.readerId !== readerId || order.kind === "merchant") throw notFound;
    if (order.status !== "paid") throw new AppError("order_not_open", "这笔订单没有付款成功；付了款没有解锁请用「我已付款」报告。");
    if (order.payment?.status === "refunded") throw new AppError("conflict", "这笔购买已经退款了。");
    if (await tx.readerRequest.findUnique({ where: { openKey: order.id }, select: { id: true } })) {
      throw new AppError("conflict", "这笔购买已有一个请求在等待站长答复，请耐心等待。");
    }
    const id = newId();
    const contact = input.contact?.trim() || null;
    await tx.readerRequest.create({
      data: {
        id,
        readerId,
        orderId: order.id,
        kind: input.kind,
        message: input.message,
        contact,
        openKey: order.id,
        dueAt,
        createdAt: now,
        clientIp: address,
      },
    });
    await raiseEvent(
      tx,
      "reader.request",
      async () => ({
        requestId: id,
        orderId: order.id,
        kind: input.kind,
        kindLabel: REQUEST_KIND.label(input.kind),
        amountCents: order.amountCents,
        item: (await soldItem(tx, order.id)).item,
        message: input.message,
        contact,
        dueAt: dueAt.toISOString(),
      }),
      now,
    );
    return { id, status: "open" as const, dueAt: dueAt.toISOString(), responseHours: hours };
  });
}
