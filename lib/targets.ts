/**
 * What an order sells. One home for the kinds and their keys: orders store the
 * kind and the kind's own column (Order.articleId, seriesId, passId), and what a
 * paid order grants is decided per kind (lib/entitlements/grant.ts). Client-safe.
 * A new kind adds a member here and a case in every exhaustive switch over
 * `kind`, which TypeScript then points out.
 */
export const ORDER_KINDS = ["article", "series", "pass", "tip", "merchant"] as const;
export type OrderKind = (typeof ORDER_KINDS)[number];

export type OrderTarget =
  | { kind: "article"; articleId: string }
  | { kind: "series"; seriesId: string }
  | { kind: "pass"; passId: string }
  /** A tip (赞赏) for a post: unlocks nothing. */
  | { kind: "tip"; articleId: string }
  /** A payment one of the owner's other sites asked for through the gateway (lib/gateway): unlocks nothing here. */
  | { kind: "merchant"; merchantOrderId: string };

/** What can be granted without an order too (redeem codes): everything but tips. */
export type GrantTarget = Exclude<OrderTarget, { kind: "tip" } | { kind: "merchant" }>;
export type GrantKind = GrantTarget["kind"];
export const GRANT_KINDS = ["article", "series", "pass"] as const satisfies readonly GrantKind[];

export const ORDER_KIND_LABEL: Record<OrderKind, string> = {
  article: "文章",
  series: "专栏",
  pass: "全站通",
  tip: "赞赏",
  merchant: "网关",
};

/** Sales are what readers buy; tips are money given and gateway payments belong to other sites, counted apart (dashboard, funnel). */
export const isSale = (kind: OrderKind): boolean => kind !== "tip" && kind !== "merchant";

/**
 * A stable key for "this reader's open order for this thing" (Order.readerOpenKey =
 * readerId:key). Tips share one key per post: a reader has at most one unpaid tip
 * for a post at a time (asking again with another amount replaces it), and once it
 * is paid the key is free, so tipping the same post again later is fine.
 */
export function targetKey(t: OrderTarget): string {
  switch (t.kind) {
    case "article":
      return `article:${t.articleId}`;
    case "series":
      return `series:${t.seriesId}`;
    case "pass":
      return `pass:${t.passId}`;
    case "tip":
      return `tip:${t.articleId}`;
    case "merchant":
      return `merchant:${t.merchantOrderId}`;
  }
}

/** Order.readerOpenKey while an order is pending: at most one open order per reader and thing sold. */
export function readerOpenKey(readerId: string, t: OrderTarget): string {
  return `${readerId}:${targetKey(t)}`;
}

/** The Order columns that record a target (the other target columns stay null). */
export function targetColumns(t: OrderTarget) {
  switch (t.kind) {
    case "article":
    case "tip":
      return { kind: t.kind, articleId: t.articleId };
    case "series":
      return { kind: t.kind, seriesId: t.seriesId };
    case "pass":
      return { kind: t.kind, passId: t.passId };
    case "merchant":
      return { kind: t.kind, merchantOrderId: t.merchantOrderId };
  }
}

/** Select this from an order row to read its target with targetOf(). */
export const targetSelect = { kind: true, articleId: true, seriesId: true, passId: true, merchantOrderId: true } as const;

export interface TargetRow {
  kind: string;
  articleId: string | null;
  seriesId?: string | null;
  passId?: string | null;
  merchantOrderId?: string | null;
}

/** The target an order row records, or null for a row whose columns do not form one (never for valid rows). */
export function targetOf(row: TargetRow): OrderTarget | null {
  switch (row.kind) {
    case "article":
    case "tip":
      return row.articleId ? { kind: row.kind, articleId: row.articleId } : null;
    case "series":
      return row.seriesId ? { kind: "series", seriesId: row.seriesId } : null;
    case "pass":
      return row.passId ? { kind: "pass", passId: row.passId } : null;
    case "merchant":
      return row.merchantOrderId ? { kind: "merchant", merchantOrderId: row.merchantOrderId } : null;
    default:
      return null;
  }
}
