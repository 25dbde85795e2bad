import { describe, expect, it } from "vitest";
import { targetColumns, targetKey, targetOf } from "@/lib/targets";

describe("order targets", () => {
  it("keys an article order by kind and article, so a reader has one open order per post", () => {
    expect(targetKey({ kind: "article", articleId: "a1" })).toBe("article:a1");
    expect(targetKey({ kind: "article", articleId: "a1" })).not.toBe(targetKey({ kind: "article", articleId: "a2" }));
  });

  it("round-trips a target through the order columns", () => {
    const t = { kind: "article", articleId: "a1" } as const;
    expect(targetOf(targetColumns(t))).toEqual(t);
  });

  it("reads no target from a row whose columns do not form one", () => {
    expect(targetOf({ kind: "article", articleId: null })).toBeNull();
    expect(targetOf({ kind: "mystery", articleId: "a1" })).toBeNull();
  });
});
