import { describe, expect, it } from "vitest";
import { joinMarkdown, renderMarkdown, splitMarkdown } from "./markdown";

describe("teaser/body split", () => {
  it("splits at the <!-- more --> divider", () => {
    expect(splitMarkdown("开头\n\n<!-- more -->\n\n正文", 100)).toEqual({ teaser: "开头", body: "正文" });
  });

  it("accepts the compact <!--more--> form", () => {
    expect(splitMarkdown("开头\n<!--more-->\n正文", 100)).toEqual({ teaser: "开头", body: "正文" });
  });

  it("gates the whole text of a paid article without a divider", () => {
    expect(splitMarkdown("全部内容", 100)).toEqual({ teaser: "", body: "全部内容" });
  });

  it("keeps a free article without a divider entirely public", () => {
    expect(splitMarkdown("全部内容", 0)).toEqual({ teaser: "全部内容", body: "" });
  });

  it("does not split at a divider inside a line of text", () => {
    expect(splitMarkdown("写法是 <!-- more --> 这样", 100).teaser).toBe("");
  });

  it("joins back to Markdown that splits the same way", () => {
    const md = joinMarkdown("开头", "正文");
    expect(splitMarkdown(md, 100)).toEqual({ teaser: "开头", body: "正文" });
  });
});

describe("rendering", () => {
  it("removes scripts, event handlers and javascript: links", () => {
    const html = renderMarkdown('<script>alert(1)</script>\n\n<img src="x" onerror="alert(1)">\n\n[a](javascript:alert(1))');
    expect(html).not.toMatch(/<script|onerror|javascript:/i);
  });

  it("renders ordinary Markdown", () => {
    expect(renderMarkdown("## 标题\n\n**粗体**")).toContain("<strong>粗体</strong>");
  });
});
