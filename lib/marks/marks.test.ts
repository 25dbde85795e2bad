import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { decodeHTML } from "entities";
import { renderMarkdown } from "@/lib/articles/markdown";
import { demoArticles } from "@/lib/demo/content";
import { splitMarkdown } from "@/lib/articles/markdown";
import { codewordBits, decodeVotes, CODEWORD_BITS } from "@/lib/marks/codec";
import { carrierFor, VS, ZW } from "@/lib/marks/carriers";
import { htmlSkeleton, markHtmlWith } from "@/lib/marks/html";
import { markdownSkeleton, markMarkdownWith } from "@/lib/marks/markdown";
import { evidence, prepare } from "@/lib/trace/evidence";

const essay = readFileSync("tests/fixtures/marks/essay.md", "utf8");
const CODE = Uint8Array.from([0x3a, 0x91, 0x07, 0xfe, 0x42]);
const bits = codewordBits(CODE);
const mark = (html: string) => markHtmlWith(html, (s) => carrierFor(s, bits));
const CARRIERS = new RegExp(`[${[...ZW, ...VS].join("")}]`, "g");
const unmark = (s: string) => s.replace(CARRIERS, "");
/** Roughly what a browser copies: the text of the HTML, one line per block. */
const copyOf = (html: string) => decodeHTML(html.replace(/<\/(p|h\d|li|pre|blockquote)>/g, "\n").replace(/<[^>]+>/g, ""));
const hex = (u: Uint8Array) => Buffer.from(u).toString("hex");

describe("the codeword (Reed-Solomon from @zxing/library)", () => {
  it("round-trips a 40-bit code through 96 bits and repairs up to three damaged bytes", () => {
    const votes: number[] = Array.from(bits, (b) => (b ? 1 : -1));
    expect(hex(decodeVotes(votes)!.code)).toBe(hex(CODE));
    for (const byte of [0, 6, 11]) for (let i = 0; i < 8; i++) votes[byte * 8 + i] *= -1;
    const repaired = decodeVotes(votes)!;
    expect(hex(repaired.code)).toBe(hex(CODE));
    expect(repaired.repaired).toBe(3);
  });

  it("treats bits nobody voted for as unknown and gives up rather than guess when too many bytes are unseen", () => {
    const votes: number[] = Array.from(bits, (b) => (b ? 1 : -1));
    for (let i = 0; i < 3 * 8; i += 8) votes[i] = 0; // three bytes with an unseen bit
    expect(hex(decodeVotes(votes)!.code)).toBe(hex(CODE));
    for (let i = 24; i < 5 * 8; i += 8) votes[i] = 0; // five
    expect(decodeVotes(votes)).toBeNull();
    expect(decodeVotes(new Array(CODEWORD_BITS).fill(0))).toBeNull();
  });
});

describe("marking a post's HTML", () => {
  const html = renderMarkdown(essay);

  it("changes nothing but invisible carriers, and never touches tags, entities or code", () => {
    const marked = mark(html);
    expect(marked).not.toBe(html);
    expect(unmark(marked)).toBe(html);
    const tags = (s: string) => s.match(/<[^>]+>/g);
    expect(tags(marked)).toEqual(tags(html));
    expect(marked).toContain("<code>Markdown</code>");
    const code = mark("<p>中文<code>代码里的中文不动</code>中文</p><pre><code>再来一段中文</code></pre>");
    expect(code).toContain("<code>代码里的中文不动</code>");
    expect(code).toContain("<pre><code>再来一段中文</code></pre>");
  });

  it("puts a zero-width carrier only between two Han characters, so line breaking around punctuation is unchanged", () => {
    const marked = mark("<p>你好，世界。中文字符</p>");
    for (const zw of ZW) {
      for (const m of marked.matchAll(new RegExp(`(.)${zw}(.)`, "gu"))) {
        expect(m[1]).toMatch(/[\p{Script=Han}\uFE04-\uFE07]/u);
        expect(m[2]).toMatch(/\p{Script=Han}/u);
      }
    }
  });

  it("numbers the same slots in a post's Markdown and in its HTML", () => {
    for (const md of [essay, ...demoArticles.map((a) => splitMarkdown(a.markdown, a.priceCents).body)]) {
      const fromHtml = htmlSkeleton(renderMarkdown(md));
      const fromMd = markdownSkeleton(md);
      expect(fromMd.han.join("")).toBe(fromHtml.han.join(""));
    }
    const marked = markMarkdownWith(essay, (s) => carrierFor(s, bits));
    expect(unmark(marked)).toBe(essay);
    expect(marked).toContain("`Markdown`");
  });
});

describe("reading a mark back from a copy", () => {
  const html = renderMarkdown(essay);
  const original = prepare(htmlSkeleton(html));
  const text = copyOf(mark(html));
  const excerpt = (from: number, length = 300) => [...text].slice(from, from + length).join("");
  const decodes = (copy: string) => {
    const e = evidence(copy, original);
    return e.decoded ? hex(e.decoded.code) : null;
  };

  it("finds the code in 300 characters taken from anywhere in the post", () => {
    for (const from of [0, 250, 600, 900, 1300]) expect(decodes(excerpt(from))).toBe(hex(CODE));
  });

  it("survives NFKC, collapsed whitespace, CRLF line ends and paragraphs pasted out of order", () => {
    const copy = excerpt(400, 400);
    expect(decodes(copy.normalize("NFKC"))).toBe(hex(CODE));
    expect(decodes(copy.replace(/\s+/g, " "))).toBe(hex(CODE));
    expect(decodes(copy.replace(/\n/g, "\r\n"))).toBe(hex(CODE));
    const paragraphs = copy.split("\n").filter(Boolean);
    expect(decodes([...paragraphs].reverse().join("\n\n"))).toBe(hex(CODE));
  });

  it("still finds it when a tool strips zero-width (format) characters: the variation selectors remain", () => {
    const e = evidence(excerpt(300, 400).replace(/\p{Cf}/gu, ""), original);
    expect(e.zw).toBe(0);
    expect(e.vs).toBeGreaterThan(50);
    expect(hex(e.decoded!.code)).toBe(hex(CODE));
  });

  it("cannot read a copy stripped of every invisible character, nor unmarked text (the limits docs/marks.md states)", () => {
    const scrubbed = evidence(text.replace(/\p{Default_Ignorable_Code_Point}/gu, ""), original);
    expect(scrubbed.zw + scrubbed.vs).toBe(0);
    expect(scrubbed.decoded).toBeNull();
    const plain = evidence(copyOf(html), original);
    expect(plain.zw + plain.vs).toBe(0);
    expect(plain.decoded).toBeNull();
  });
});
