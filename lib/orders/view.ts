import { effectiveStatus, type OrderStatus } from "@/lib/orders/status";
import type { Channel } from "@/lib/channels";
import type { OrderKind } from "@/lib/targets";

/**
 * The public shapes of an order (README, "HTTP API"). Client-safe types: the browser
 * imports them with `import type`, so the dialog and the server cannot drift.
 */
export interface OrderView {
  id: string;
  kind: OrderKind;
  /** The post bought or tipped, for kinds "article" and "tip". */
  slug: string | null;
  /** The series bought, for kind "series". */
  seriesId: string | null;
  /** The pass bought, for kind "pass". */
  passId: string | null;
  channel: Channel;
  /** null: a stored status this build does not know (lib/orders/status.ts). */
  status: OrderStatus | null;
  amountCents: number;
  listPriceCents: number;
  /** What a coupon took off the list price (0 without one); amountCents is allocated from the rest. */
  discountCents: number;
  qr: { payload: string; fixedAmount: boolean } | null;
  /** The payee name the reader's wallet will show for this code (set per account by the owner); null: not set. */
  payee: string | null;
  createdAt: string;
  expiresAt: string;
  paidAt: string | null;
}

export interface OrderRowForView {
  id: string;
  kind: string;
  seriesId: string | null;
  passId: string | null;
  discountCents: number | null;
  channel: string;
  status: string;
  amountCents: number;
  listPriceCents: number;
  createdAt: Date;
  expiresAt: Date;
  paidAt: Date | null;
  article: { slug: string } | null;
  qrCode: { payload: string; amountCents: number | null } | null;
  payeeName?: string | null;
}

export const orderViewInclude = {
  article: { select: { slug: true } },
  qrCode: { select: { payload: true, amountCents: true } },
} as const;

export function toOrderView(o: OrderRowForView, now: Date): OrderView {
  return {
    id: o.id,
    kind: o.kind as OrderKind,
    slug: o.article?.slug ?? null,
    seriesId: o.seriesId,
    passId: o.passId,
    channel: o.channel as Channel,
    status: effectiveStatus(o, now),
    amountCents: o.amountCents,
    listPriceCents: o.listPriceCents,
    discountCents: o.discountCents ?? 0,
    qr: o.qrCode ? { payload: o.qrCode.payload, fixedAmount: o.qrCode.amountCents !== null } : null,
    payee: o.payeeName ?? null,
    createdAt: o.createdAt.toISOString(),
    expiresAt: o.expiresAt.toISOString(),
    paidAt: o.paidAt?.toISOString() ?? null,
  };
}

/** What POST /api/orders answers: the order plus the server's clock for the countdown. */
export type OrderResponse = OrderView & { serverTime: string };

/** What GET/DELETE /api/orders/{id} answer: the status poll's small shape, with the server's clock. */
export interface OrderStatusView {
  id: string;
  status: OrderStatus | null;
  amountCents: number;
  expiresAt: string;
  paidAt: string | null;
  /** The reader may take the one extension now (expired while away, amount still held). */
  extendable: boolean;
  serverTime: string;
}
