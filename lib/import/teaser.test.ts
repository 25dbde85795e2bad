import { describe, expect, it } from "vitest";
import { parsePrice, placeDivider, splitBlocks } from "@/lib/import/teaser";

describe("front-matter price", () => {
  it.each([
    [3, 300],
    [2.5, 250],
    ["2.50", 250],
    ["¥1", 100],
    [undefined, 0],
    [0, 0],
  ])("reads %j yuan as %i cents", (value, cents) => expect(parsePrice(value)).toEqual({ cents }));

  it.each([["abc"], [-1], [1e21], ["1.234"], [true]])("refuses %j with a message", (value) => {
    expect(parsePrice(value)).toHaveProperty("error");
  });
});

describe("where the public part of an imported post ends", () => {
  it("turns the first <!--more--> into the divider", () => {
    expect(placeDivider("a\n<!--more-->\nb", 100, 300)).toBe("a\n\n<!-- more -->\n\nb");
  });

  it("takes <!-- paywall --> when it comes before <!-- more -->", () => {
    const md = placeDivider("a\n\n<!-- paywall -->\n\nb\n\n<!-- more -->\n\nc", 100, 300);
    expect(md.indexOf("<!-- more -->")).toBe(3);
    expect(md.startsWith("a\n\n<!-- more -->\n\nb")).toBe(true);
  });

  it("cuts a paid post without a divider after the blocks that reach the site's teaser length", () => {
    const md = placeDivider("一二三四五\n\n六七八九十\n\n付费段落", 100, 8);
    expect(md).toBe("一二三四五\n\n六七八九十\n\n<!-- more -->\n\n付费段落");
  });

  it("never cuts inside a fenced code block and always leaves something behind the paywall", () => {
    const md = placeDivider("```\nline\n\nline\n```\n\nend", 100, 1);
    expect(md).toBe("```\nline\n\nline\n```\n\n<!-- more -->\n\nend");
    expect(splitBlocks("```\na\n\nb\n```")).toHaveLength(1);
    expect(placeDivider("only one block", 100, 10_000)).toBe("<!-- more -->\n\nonly one block");
  });

  it("gates the whole post when the teaser length is 0, and leaves free posts as they are", () => {
    expect(placeDivider("a\n\nb", 100, 0)).toBe("<!-- more -->\n\na\n\nb");
    expect(placeDivider("a\n\nb", 0, 1)).toBe("a\n\nb");
  });
});
