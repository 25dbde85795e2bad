/**
 * How often the tracer names the right purchase from a leaked excerpt, and how often it names
 * one when there is none — measured without a database: the marks and the tracer's matching are
 * the real ones (lib/marks, lib/trace), the "delivered marks" a list of random codes.
 * `npm run marks:accuracy` prints the table docs/marks.md quotes; tests/unit/marks-accuracy.test.ts
 * asserts a floor on a smaller run.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { decodeHTML } from "entities";
import { renderMarkdown, splitMarkdown } from "../../lib/articles/markdown";
import { demoArticles } from "../../lib/demo/content";
import { codeHex } from "../../lib/marks/codec";
import { carrierFor } from "../../lib/marks/carriers";
import { codewordBits } from "../../lib/marks/codec";
import { htmlSkeleton, markHtmlWith } from "../../lib/marks/html";
import { evidence, prepare, type Prepared } from "../../lib/trace/evidence";
import { bestFit, MIN_CONFIDENCE } from "../../lib/trace/match";

/** A small deterministic PRNG (mulberry32), so a run can be repeated exactly. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What a browser copies from HTML: its text, a line per block. */
const textOf = (html: string) => decodeHTML(html.replace(/<\/(p|h\d|li|pre|blockquote)>/g, "\n").replace(/<[^>]+>/g, ""));

export type Transform = (text: string, random: () => number) => string;

/** The ways a leak travels, as text transformations. */
export const TRANSFORMS: Record<string, Transform> = {
  "copied from the page (Chromium / WeChat plain text)": (t) => t,
  NFKC: (t) => t.normalize("NFKC"),
  "whitespace collapsed": (t) => t.replace(/\s+/g, " "),
  "CRLF line ends": (t) => t.replace(/\n/g, "\r\n"),
  "chat / Markdown editor (NFKC, spaces collapsed, re-rendered)": (t) =>
    textOf(renderMarkdown(t.normalize("NFKC").replace(/[ \t]+/g, " "))),
  "paragraphs shuffled, one dropped": (t, r) => {
    const ps = t.split("\n").filter((p) => p.trim());
    if (ps.length > 2) ps.splice(Math.floor(r() * ps.length), 1);
    for (let i = ps.length - 1; i > 0; i--) {
      const j = Math.floor(r() * (i + 1));
      [ps[i], ps[j]] = [ps[j], ps[i]];
    }
    return ps.join("\n\n");
  },
  "zero-width characters stripped (Cf)": (t) => t.replace(/\p{Cf}/gu, ""),
  "5% of characters deleted, 5 phrases inserted": (t, r) => {
    const cs = [...t].filter(() => r() > 0.05);
    for (let i = 0; i < 5; i++) cs.splice(Math.floor(r() * cs.length), 0, ..."（编者按）");
    return cs.join("");
  },
  "every invisible character stripped (cannot trace)": (t) => t.replace(/\p{Default_Ignorable_Code_Point}/gu, ""),
};

export interface Post {
  html: string;
  prepared: Prepared;
}

export function corpus(root = path.resolve(import.meta.dirname, "../..")): Post[] {
  const bodies = [
    readFileSync(path.join(root, "tests/fixtures/marks/essay.md"), "utf8"),
    ...demoArticles.filter((a) => a.priceCents > 0).map((a) => splitMarkdown(a.markdown, a.priceCents).body),
  ];
  return bodies.map((md) => {
    const html = renderMarkdown(md);
    return { html, prepared: prepare(htmlSkeleton(html)) };
  });
}

export interface Tally {
  trials: number;
  right: number;
  wrong: number;
  none: number;
  /** Of the right ones, how many Reed-Solomon decoded outright (the rest: best fit over the candidates). */
  decoded: number;
}

/**
 * `trials` excerpts of `length` characters, each from a random post marked with a random one of
 * `delivered` codes, sent through `transform` and traced against all of them.
 */
export function measure(o: {
  posts: Post[];
  transform: Transform;
  trials: number;
  length: number;
  delivered: number;
  seed: number;
}): Tally {
  const r = rng(o.seed);
  const codes = Array.from({ length: o.delivered }, () => Uint8Array.from({ length: 5 }, () => Math.floor(r() * 256)));
  const candidates = codes.map((c) => ({ code: codeHex(c) }));
  const tally: Tally = { trials: o.trials, right: 0, wrong: 0, none: 0, decoded: 0 };
  for (let i = 0; i < o.trials; i++) {
    const post = o.posts[Math.floor(r() * o.posts.length)];
    const truth = codes[Math.floor(r() * codes.length)];
    const bits = codewordBits(truth);
    const text = [...textOf(markHtmlWith(post.html, (s) => carrierFor(s, bits)))];
    const from = Math.floor(r() * Math.max(1, text.length - o.length));
    const copy = o.transform(text.slice(from, from + o.length).join(""), r);
    const fit = bestFit(evidence(copy, post.prepared), candidates);
    if (!fit || fit.confidence < MIN_CONFIDENCE) tally.none++;
    else if (fit.candidate.code === codeHex(truth)) {
      tally.right++;
      if (fit.method === "reed-solomon") tally.decoded++;
    } else tally.wrong++;
  }
  return tally;
}

/** Unmarked excerpts, and excerpts marked for a code nobody was delivered: how often the tracer names someone anyway. */
export function falseMatches(o: { posts: Post[]; trials: number; length: number; delivered: number; seed: number }): {
  trials: number;
  named: number;
} {
  const r = rng(o.seed);
  const candidates = Array.from({ length: o.delivered }, () => ({
    code: codeHex(Uint8Array.from({ length: 5 }, () => Math.floor(r() * 256))),
  }));
  let named = 0;
  for (let i = 0; i < o.trials; i++) {
    const post = o.posts[Math.floor(r() * o.posts.length)];
    const stranger = codewordBits(Uint8Array.from({ length: 5 }, () => Math.floor(r() * 256)));
    const html = i % 2 === 0 ? post.html : markHtmlWith(post.html, (s) => carrierFor(s, stranger));
    const text = [...textOf(html)];
    const from = Math.floor(r() * Math.max(1, text.length - o.length));
    const fit = bestFit(evidence(text.slice(from, from + o.length).join(""), post.prepared), candidates);
    if (fit && fit.confidence >= MIN_CONFIDENCE) named++;
  }
  return { trials: o.trials, named };
}
