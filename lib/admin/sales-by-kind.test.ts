import { describe, expect, it } from "vitest";
import { splitByKind } from "@/lib/admin/sales-by-kind";

describe("revenue split by kind (pure)", () => {
  it("sums money and counts orders per kind, listing every kind", () => {
    const split = splitByKind([
      { kind: "article", cents: 99 },
      { kind: "article", cents: 100 },
      { kind: "pass", cents: 990 },
      { kind: "tip", cents: 500 },
    ]);
    expect(split).toEqual([
      { kind: "article", cents: 199, orders: 2 },
      { kind: "series", cents: 0, orders: 0 },
      { kind: "pass", cents: 990, orders: 1 },
      { kind: "tip", cents: 500, orders: 1 },
      { kind: "merchant", cents: 0, orders: 0 },
    ]);
  });

  it("ignores kinds it does not know instead of inventing a row", () => {
    expect(splitByKind([{ kind: "mystery", cents: 5 }]).every((k) => k.cents === 0)).toBe(true);
  });
});
