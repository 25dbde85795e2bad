import { ORDER_KINDS, type OrderKind } from "@/lib/targets";

export interface KindTotal {
  kind: OrderKind;
  cents: number;
  orders: number;
}

/** Money received per kind (post, series, pass, tip), every kind listed even at zero. Pure. */
export function splitByKind(sales: { kind: string; cents: number }[]): KindTotal[] {
  const out = new Map<string, KindTotal>(ORDER_KINDS.map((kind) => [kind, { kind, cents: 0, orders: 0 }]));
  for (const s of sales) {
    const row = out.get(s.kind);
    if (!row) continue;
    row.cents += s.cents;
    row.orders++;
  }
  return [...out.values()];
}
