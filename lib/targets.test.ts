import { describe, expect, it } from "vitest";
import { targetColumns, targetKey, targetOf, type OrderTarget } from "@/lib/targets";

describe("order targets", () => {
  it("keys an article order by kind and article, so a reader has one open order per post", () => {
    expect(targetKey({ kind: "article", articleId: "a1" })).toBe("article:a1");
    expect(targetKey({ kind: "article", articleId: "a1" })).not.toBe(targetKey({ kind: "article", articleId: "a2" }));
  });

  it("keeps the kinds apart: a tip for a post is not an order for the post", () => {
    const keys = [
      targetKey({ kind: "article", articleId: "x" }),
      targetKey({ kind: "tip", articleId: "x" }),
      targetKey({ kind: "series", seriesId: "x" }),
      targetKey({ kind: "pass", passId: "x" }),
    ];
    expect(new Set(keys).size).toBe(4);
  });

  it("round-trips every kind through the order columns", () => {
    const targets: OrderTarget[] = [
      { kind: "article", articleId: "a1" },
      { kind: "tip", articleId: "a1" },
      { kind: "series", seriesId: "s1" },
      { kind: "pass", passId: "p1" },
    ];
    for (const t of targets) expect(targetOf({ articleId: null, ...targetColumns(t) })).toEqual(t);
  });

  it("reads no target from a row whose columns do not form one", () => {
    expect(targetOf({ kind: "article", articleId: null })).toBeNull();
    expect(targetOf({ kind: "series", articleId: "a1", seriesId: null })).toBeNull();
    expect(targetOf({ kind: "pass", articleId: null })).toBeNull();
    expect(targetOf({ kind: "mystery", articleId: "a1" })).toBeNull();
  });
});
