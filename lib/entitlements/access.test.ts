import { describe, expect, it } from "vitest";
import { mayRead, PREVIEW_LINK_ONLY, type Holdings, type PostTerms } from "@/lib/entitlements/access";

const FREE = { priceCents: 0 };
const PAID = { priceCents: 500 };
const NO_READER = null;
const h = (post: 0 | 1, series: 0 | 1, pass: 0 | 1, preview: 0 | 1 = 0): Holdings => ({
  post: !!post,
  series: !!series,
  pass: !!pass,
  preview: !!preview,
});

/** Every combination for a live post: free or paid × no reader, or a reader holding any subset of (the post, a series with it, a pass). */
const TABLE: Array<[string, PostTerms, Holdings | null, boolean]> = [
  ["free post, no reader", FREE, NO_READER, true],
  ["free post, reader holding nothing", FREE, h(0, 0, 0), true],
  ["free post, reader holding the post", FREE, h(1, 0, 0), true],
  ["free post, reader holding a series", FREE, h(0, 1, 0), true],
  ["free post, reader holding a pass", FREE, h(0, 0, 1), true],
  ["free post, reader holding post + series", FREE, h(1, 1, 0), true],
  ["free post, reader holding post + pass", FREE, h(1, 0, 1), true],
  ["free post, reader holding series + pass", FREE, h(0, 1, 1), true],
  ["free post, reader holding all three", FREE, h(1, 1, 1), true],
  ["paid post, no reader", PAID, NO_READER, false],
  ["paid post, reader holding nothing", PAID, h(0, 0, 0), false],
  ["paid post, reader holding the post", PAID, h(1, 0, 0), true],
  ["paid post, reader holding a series with it", PAID, h(0, 1, 0), true],
  ["paid post, reader holding a pass", PAID, h(0, 0, 1), true],
  ["paid post, reader holding post + series", PAID, h(1, 1, 0), true],
  ["paid post, reader holding post + pass", PAID, h(1, 0, 1), true],
  ["paid post, reader holding series + pass", PAID, h(0, 1, 1), true],
  ["paid post, reader holding all three", PAID, h(1, 1, 1), true],
  // A preview link is no way around the paywall of a live post.
  ["paid post, visitor with only the owner's preview link", PAID, PREVIEW_LINK_ONLY, false],
  ["paid post, reader holding the post and a preview link", PAID, h(1, 0, 0, 1), true],
  ["free post, visitor with only the owner's preview link", FREE, PREVIEW_LINK_ONLY, true],
  ["live post said so explicitly, paid, reader holding a pass", { ...PAID, live: true }, h(0, 0, 1), true],
];

/**
 * A draft or scheduled post (live: false), free or paid, × no visitor or every subset of the four holdings:
 * only the preview link opens it — a reader who bought the post or holds a pass waits like everyone else.
 */
const bits = [0, 1] as const;
const NOT_LIVE: Array<[string, PostTerms, Holdings | null, boolean]> = [FREE, PAID].flatMap((terms) => {
  const post = { ...terms, live: false };
  const kind = terms.priceCents > 0 ? "paid" : "free";
  const rows: Array<[string, PostTerms, Holdings | null, boolean]> = [[`unpublished ${kind} post, no visitor`, post, NO_READER, false]];
  for (const a of bits)
    for (const b of bits)
      for (const c of bits)
        for (const d of bits)
          rows.push([`unpublished ${kind} post, holdings post=${a} series=${b} pass=${c} preview=${d}`, post, h(a, b, c, d), d === 1]);
  return rows;
});

describe("who may read a post (mayRead)", () => {
  it.each(TABLE)("%s → %s", (_name, post, holdings, expected) => {
    expect(mayRead(post, holdings)).toBe(expected);
  });

  it.each(NOT_LIVE)("%s → %s", (_name, post, holdings, expected) => {
    expect(mayRead(post, holdings)).toBe(expected);
  });

  it("keeps a post that costs even 1 分 locked for a reader holding nothing", () => {
    expect(mayRead({ priceCents: 1 }, h(0, 0, 0))).toBe(false);
  });
});
