import { describe, expect, it } from "vitest";
import { firstImage, joinMarkdown, plainExcerpt, renderMarkdown, splitMarkdown, renderCacheBytes, RENDER_CACHE_BYTES } from "./markdown";

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
    const md = joinMarkdown("开头", "正文", true);
    expect(splitMarkdown(md, 100)).toEqual({ teaser: "开头", body: "正文" });
  });
});

describe("round trip split → join → split", () => {
  const cases: [string, number, { teaser: string; body: string }][] = [
    ["公开开头\n\n<!-- more -->\n\n", 100, { teaser: "公开开头", body: "" }],
    ["<!-- more -->\n\n全部付费", 100, { teaser: "", body: "全部付费" }],
    ["全部付费", 100, { teaser: "", body: "全部付费" }],
    ["开头\n\n<!-- more -->\n\n正文", 100, { teaser: "开头", body: "正文" }],
    ["免费全文", 0, { teaser: "免费全文", body: "" }],
    ["开头\n\n<!-- more -->\n\n正文", 0, { teaser: "开头", body: "正文" }],
  ];

  it.each(cases)("keeps %j (price %i) split the same way after a save without edits", (md, price, parts) => {
    const first = splitMarkdown(md, price);
    expect(first).toEqual(parts);
    const again = splitMarkdown(joinMarkdown(first.teaser, first.body, price > 0), price);
    expect(again).toEqual(first);
  });

  it("keeps the divider for a paid post whose gated body is empty, so the teaser stays public", () => {
    expect(joinMarkdown("公开开头", "", true)).toMatch(/<!-- more -->/);
    expect(splitMarkdown(joinMarkdown("公开开头", "", true), 100).teaser).toBe("公开开头");
  });

  it("joins Markdown → parts → Markdown to the same text for a paid post", () => {
    const md = "开头\n\n<!-- more -->\n\n正文";
    const { teaser, body } = splitMarkdown(md, 100);
    expect(joinMarkdown(teaser, body, true)).toBe(md);
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

describe("Chinese line wrapping", () => {
  it("joins a soft line break between Chinese characters without adding a space", () => {
    expect(renderMarkdown("晚上赶着把事情做完。\n我们很少停下来")).toContain("做完。我们很少");
  });

  it("keeps Western soft breaks and paragraph breaks", () => {
    expect(renderMarkdown("hello\nworld")).toContain("hello\nworld");
    expect(renderMarkdown("第一段\n\n第二段")).toContain("<p>第二段</p>");
  });

  it("leaves fenced code blocks untouched", () => {
    expect(renderMarkdown("```\n中文\n代码\n```")).toContain("中文\n代码");
  });
});

describe("plain excerpt", () => {
  it("returns the characters themselves, not HTML entities (React escapes them once)", () => {
    expect(plainExcerpt("A & B <b>粗</b> \"引号\" 'x' &copy; 1 < 2")).toBe("A & B 粗 \"引号\" 'x' © 1 < 2");
  });

  it("keeps markup-like text inert: it is decoded text, never tags", () => {
    expect(plainExcerpt("`<script>alert(1)</script>`")).toBe("<script>alert(1)</script>");
  });
});

describe("images in posts", () => {
  it("render lazily, asynchronously decoded, with the size of our own uploads", () => {
    const html = renderMarkdown("![猫](/media/0123456789abcdef0123456789abcdef-1200x800.jpg)");
    expect(html).toContain('src="/media/0123456789abcdef0123456789abcdef-1200x800.jpg"');
    expect(html).toMatch(/width="1200"/);
    expect(html).toMatch(/height="800"/);
    expect(html).toMatch(/loading="lazy"/);
    expect(html).toMatch(/decoding="async"/);
    expect(html).toContain('alt="猫"');
  });

  it("keep an external image without inventing a size, and drop script-y sources", () => {
    expect(renderMarkdown("![x](https://img.example/a.png)")).not.toMatch(/width=/);
    expect(renderMarkdown('<img src="javascript:alert(1)" onerror="x">')).not.toMatch(/javascript:|onerror/);
  });

  it("finds the first image of public Markdown for the share card", () => {
    expect(firstImage("文字\n\n![a](/media/x.png)\n\n![b](/media/y.png)")).toBe("/media/x.png");
    expect(firstImage("没有图片")).toBeNull();
  });
});

describe("render cache", () => {
  it("stays within its byte budget however many large posts are rendered", () => {
    // 40 distinct posts of ~300,000 characters: ~24 MB of Markdown alone, more than the budget.
    for (let i = 0; i < 40; i++) renderMarkdown(`# 第 ${i} 篇\n\n${"长文".repeat(150_000)}`);
    expect(renderCacheBytes()).toBeLessThanOrEqual(RENDER_CACHE_BYTES);
    expect(renderCacheBytes()).toBeGreaterThan(0);
  });

  it("serves the same HTML for the same Markdown from the cache", () => {
    const md = "缓存的**段落**";
    expect(renderMarkdown(md)).toBe(renderMarkdown(md));
  });
});
