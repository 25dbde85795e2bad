/**
 * What an order sells. One home for the kinds and their keys: orders store the
 * kind and the kind's own column (Order.articleId …), entitlements are granted
 * per kind when an order is paid (lib/entitlements/grant.ts). Client-safe.
 * New kinds (series, passes, tips, merchant orders) add a member here and a case
 * in every exhaustive switch over `kind`, which TypeScript then points out.
 */
export const ORDER_KINDS = ["article"] as const;
export type OrderKind = (typeof ORDER_KINDS)[number];

export type OrderTarget = { kind: "article"; articleId: string };

export const ORDER_KIND_LABEL: Record<OrderKind, string> = { article: "文章" };

/** A stable key for "this reader's open order for this thing" (Order.readerOpenKey = readerId:key). */
export function targetKey(t: OrderTarget): string {
  switch (t.kind) {
    case "article":
      return `article:${t.articleId}`;
  }
}

/** Order.readerOpenKey while an order is pending: at most one open order per reader and thing sold. */
export function readerOpenKey(readerId: string, t: OrderTarget): string {
  return `${readerId}:${targetKey(t)}`;
}

/** The Order columns that record a target. */
export function targetColumns(t: OrderTarget) {
  switch (t.kind) {
    case "article":
      return { kind: t.kind, articleId: t.articleId };
  }
}

/** The target an order row records, or null for a row whose columns do not form one (never for valid rows). */
export function targetOf(row: { kind: string; articleId: string | null }): OrderTarget | null {
  if (row.kind === "article" && row.articleId) return { kind: "article", articleId: row.articleId };
  return null;
}
