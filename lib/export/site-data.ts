import { db } from "@/lib/db/client";

/**
 * The tables of a whole-site export (data/<name>.json), each read in pages by id
 * so a big table never sits in memory. Everything needed to rebuild the site
 * elsewhere — and nothing that is a secret: no device secrets, merchant keys,
 * alert credentials, admin password hash or sessions, session secret, restore or
 * feed tokens (those tables are simply not here, and no row below carries one).
 */
const PAGE = 500;
type Reader = (after: string | undefined) => Promise<{ id: string }[]>;
const cursor = (after: string | undefined) => ({
  take: PAGE,
  orderBy: { id: "asc" as const },
  ...(after ? { cursor: { id: after }, skip: 1 } : {}),
});

export const SITE_TABLES: Record<string, Reader> = {
  series: (after) =>
    db().series.findMany({
      ...cursor(after),
      include: { articles: { select: { position: true, article: { select: { slug: true } } }, orderBy: { position: "asc" } } },
    }),
  passes: (after) => db().pass.findMany(cursor(after)),
  coupons: (after) => db().coupon.findMany(cursor(after)),
  "redeem-codes": (after) => db().redeemCode.findMany(cursor(after)),
  "receiving-accounts": (after) => db().account.findMany(cursor(after)),
  "receiving-codes": (after) => db().qrCode.findMany(cursor(after)),
  entitlements: (after) => db().entitlement.findMany({ ...cursor(after), include: { article: { select: { slug: true } } } }),
  "series-grants": (after) => db().seriesGrant.findMany(cursor(after)),
  "pass-grants": (after) => db().passGrant.findMany(cursor(after)),
  orders: (after) => db().order.findMany(cursor(after)),
  payments: (after) => db().payment.findMany(cursor(after)),
  redirects: (after) => db().redirect.findMany({ ...cursor(after), include: { article: { select: { slug: true } } } }),
};

/** One table as a JSON array, produced a page at a time. */
export async function* tableJson(read: Reader): AsyncGenerator<string> {
  yield "[";
  let after: string | undefined;
  let first = true;
  for (;;) {
    const rows = await read(after);
    for (const row of rows) {
      yield `${first ? "\n" : ",\n"}${JSON.stringify(row)}`;
      first = false;
    }
    if (rows.length < PAGE) break;
    after = rows[rows.length - 1].id;
  }
  yield "\n]\n";
}
