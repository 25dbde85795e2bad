import { vocabulary } from "@/lib/vocabulary";

/** Whether a site pass (全站通) is offered to readers; passes already sold keep working either way. Client-safe. */
export const PASS_SALE_STATES = ["on_sale", "off_sale"] as const;
export type PassSaleState = (typeof PASS_SALE_STATES)[number];
export const PASS_SALE = vocabulary(PASS_SALE_STATES, {
  on_sale: { label: "在售", tone: "good" },
  off_sale: { label: "停售", tone: "muted" },
});
export const passSale = (active: boolean): PassSaleState => (active ? "on_sale" : "off_sale");
