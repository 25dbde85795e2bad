import { vocabulary, type StateOf } from "@/lib/vocabulary";

/** Whether a site pass (全站通) is offered to readers; passes already sold keep working either way. Client-safe. */
export const PASS_SALE = vocabulary({ on_sale: "在售", off_sale: "停售" }, { on_sale: "good", off_sale: "muted" });
export type PassSaleState = StateOf<typeof PASS_SALE>;
export const passSale = (active: boolean): PassSaleState => (active ? "on_sale" : "off_sale");
