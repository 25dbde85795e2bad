import { ORDER_KIND_LABEL, type OrderKind } from "@/lib/targets";
import { db } from "@/lib/db/client";
import { channelLabel } from "@/lib/channels";
import { formatCents } from "@/lib/money";
import { BOM, csvLines } from "@/lib/export/csv";
import { BILL_MISSING_HINT, BILL_STATUS, originOf, PAYMENT_ORIGIN } from "@/lib/payments/status";

/**
 * The owner's exports: orders, payments and the notification log, as CSV
 * streams read from the database in pages (a long log never sits in memory).
 * Optional `from` / `to` bound the time column of each table.
 */
export const EXPORTS = ["orders", "payments", "notifications"] as const;
export type ExportName = (typeof EXPORTS)[number];

export interface Range {
  from?: Date;
  to?: Date;
}

const PAGE = 500;
const yuan = (c: number | null | undefined) => (typeof c === "number" ? formatCents(c) : "");

type Page = (range: Range, after: { at: Date; id: string } | null) => Promise<{ rows: unknown[][]; last: { at: Date; id: string } | null }>;

function timeWhere<K extends string>(key: K, range: Range, after: { at: Date; id: string } | null) {
  const bound = { ...(range.from ? { gte: range.from } : {}), ...(range.to ? { lt: range.to } : {}) };
  const page = after ? [{ [key]: { gt: after.at } }, { [key]: after.at, id: { gt: after.id } }] : undefined;
  return { [key]: bound, ...(page ? { OR: page } : {}) };
}

const TABLES: Record<ExportName, { header: string[]; page: Page }> = {
  orders: {
    header: [
      "订单号",
      "创建时间",
      "类型",
      "文章",
      "网址",
      "渠道",
      "标价（元）",
      "应付（元）",
      "状态",
      "付款时间",
      "迟到付款",
      "读者",
      "付款记录",
    ],
    page: async (range, after) => {
      const rows = await db().order.findMany({
        where: timeWhere("createdAt", range, after),
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        take: PAGE,
        include: { article: { select: { title: true, slug: true } }, payment: { select: { id: true } } },
      });
      return {
        rows: rows.map((o) => [
          o.id,
          o.createdAt,
          ORDER_KIND_LABEL[o.kind as OrderKind] ?? o.kind,
          o.article?.title,
          o.article?.slug,
          channelLabel(o.channel),
          yuan(o.listPriceCents),
          yuan(o.amountCents),
          o.status,
          o.paidAt,
          o.late ? "是" : "",
          o.readerId,
          o.payment?.id,
        ]),
        last: rows.length ? { at: rows.at(-1)!.createdAt, id: rows.at(-1)!.id } : null,
      };
    },
  },
  payments: {
    header: [
      "付款记录",
      "收到时间",
      "手机上的时间",
      "渠道",
      "金额（元）",
      "状态",
      "来源",
      "账单核对",
      "订单号",
      "疑似重复于",
      "处理时间",
      "备注",
      "通知记录",
    ],
    page: async (range, after) => {
      const rows = await db().payment.findMany({
        where: timeWhere("receivedAt", range, after),
        orderBy: [{ receivedAt: "asc" }, { id: "asc" }],
        take: PAGE,
      });
      const billStatus = (stored: string | null) => {
        const s = BILL_STATUS.parse(stored);
        return s === null ? "" : s === "missing" ? `${BILL_STATUS.label(s)}（${BILL_MISSING_HINT}）` : BILL_STATUS.label(s);
      };
      return {
        rows: rows.map((p) => [
          p.id,
          p.receivedAt,
          p.postedAt,
          channelLabel(p.channel),
          yuan(p.amountCents),
          p.status,
          PAYMENT_ORIGIN.label(originOf(p.source)),
          billStatus(p.billStatus),
          p.orderId,
          p.duplicateOfId,
          p.resolvedAt,
          p.note,
          p.notificationId,
        ]),
        last: rows.length ? { at: rows.at(-1)!.receivedAt, id: rows.at(-1)!.id } : null,
      };
    },
  },
  notifications: {
    header: ["通知记录", "收到时间", "协议", "设备", "方法", "路径", "验证结果", "解析结果", "处理结果", "来源 IP", "原始内容"],
    page: async (range, after) => {
      const rows = await db().notification.findMany({
        where: timeWhere("receivedAt", range, after),
        orderBy: [{ receivedAt: "asc" }, { id: "asc" }],
        take: PAGE,
      });
      return {
        rows: rows.map((n) => [
          n.id,
          n.receivedAt,
          n.protocol,
          n.deviceId,
          n.method,
          n.path,
          n.verifyResult,
          n.parseResult,
          n.outcome,
          n.remoteIp,
          n.body,
        ]),
        last: rows.length ? { at: rows.at(-1)!.receivedAt, id: rows.at(-1)!.id } : null,
      };
    },
  },
};

/** The whole export as a stream of UTF-8 bytes: BOM, header, then page after page. */
export function exportStream(name: ExportName, range: Range = {}): ReadableStream<Uint8Array> {
  const table = TABLES[name];
  const enc = new TextEncoder();
  let after: { at: Date; id: string } | null = null;
  let started = false;
  return new ReadableStream({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(enc.encode(BOM + csvLines([table.header])));
        return;
      }
      const { rows, last } = await table.page(range, after);
      if (rows.length) controller.enqueue(enc.encode(csvLines(rows)));
      if (rows.length < PAGE || !last) controller.close();
      after = last;
    },
  });
}
