import { describe, expect, it } from "vitest";
import { splitTagInput, tagFromParam, tagPath, tagsSchema } from "./tags";
import { readingMinutes } from "./reading";

describe("tags", () => {
  it("splits the editor's text on commas of either width, 、 and spaces", () => {
    expect(splitTagInput("生活，读书, 旅行、 摄影  随笔")).toEqual(["生活", "读书", "旅行", "摄影", "随笔"]);
    expect(splitTagInput("  ")).toEqual([]);
  });

  it("de-duplicates and refuses names that would break a URL", () => {
    expect(tagsSchema.parse(["生活", " 生活 "])).toEqual(["生活"]);
    for (const bad of ["a/b", "a?b", "50%", "<b>", ""]) expect(tagsSchema.safeParse([bad]).success, bad).toBe(false);
  });

  it("round-trips a Chinese tag through its URL, decoded or not", () => {
    const path = tagPath("独立开发");
    expect(path).toBe("/tags/%E7%8B%AC%E7%AB%8B%E5%BC%80%E5%8F%91");
    expect(tagFromParam(path.slice("/tags/".length))).toBe("独立开发");
    expect(tagFromParam("独立开发")).toBe("独立开发");
    expect(tagFromParam("%E0")).toBeNull();
    expect(tagFromParam("a%2Fb")).toBeNull();
  });
});

describe("reading time", () => {
  it("reads Chinese at about 300 characters a minute, at least one minute", () => {
    expect(readingMinutes("字".repeat(300), "")).toBe(1);
    expect(readingMinutes("字".repeat(301), "")).toBe(2);
    expect(readingMinutes("", "")).toBe(1);
    expect(readingMinutes("字".repeat(600), "字".repeat(900))).toBe(5);
  });

  it("counts the text readers see, not Markdown syntax or link addresses", () => {
    expect(
      readingMinutes("## 标题\n\n**粗体**" + "[链接](https://example.com/very/long/path/that/is/not/read)".repeat(50), ""),
    ).toBeLessThanOrEqual(1);
  });
});
