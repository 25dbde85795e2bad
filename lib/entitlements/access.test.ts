import { describe, expect, it } from "vitest";
import { mayRead, type Holdings } from "@/lib/entitlements/access";

const FREE = { priceCents: 0 };
const PAID = { priceCents: 500 };
const NO_READER = null;
const h = (post: 0 | 1, series: 0 | 1, pass: 0 | 1): Holdings => ({ post: !!post, series: !!series, pass: !!pass });

/** Every combination: free or paid × no reader, or a reader holding any subset of (the post, a series with it, a pass). */
const TABLE: Array<[string, { priceCents: number }, Holdings | null, boolean]> = [
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
];

describe("who may read a post (mayRead)", () => {
  it.each(TABLE)("%s → %s", (_name, post, holdings, expected) => {
    expect(mayRead(post, holdings)).toBe(expected);
  });

  it("keeps a post that costs even 1 分 locked for a reader holding nothing", () => {
    expect(mayRead({ priceCents: 1 }, h(0, 0, 0))).toBe(false);
  });
});
