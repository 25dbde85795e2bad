/**
 * Who may read the whole of a post: the one rule, pure, asked by every surface that could show a
 * gated body — the article page and its page cache, GET /api/articles/{slug}/body, the feeds, the
 * 我已付款 form — through check.ts, which looks the reader's holdings up. Surfaces never re-derive
 * it (like Ghost's content gating: one checkPostAccess with a test of every combination).
 */

/** What a reader holds, as of now, that can open a paid post. */
export interface Holdings {
  /** The post itself, bought or redeemed on its own. */
  post: boolean;
  /** A series that contains the post today (posts added later are covered, removed ones not). */
  series: boolean;
  /** A site pass (全站通) valid now, or a lifetime one. */
  pass: boolean;
}

export type Holding = keyof Holdings;

/** A free post: everyone reads it, no reader needed. */
export const isFree = (post: { priceCents: number }): boolean => post.priceCents <= 0;

/**
 * The holdings that open a post, in the order check.ts asks the database (cheapest and likeliest
 * first); none for a free post.
 */
export function waysToRead(post: { priceCents: number }): readonly Holding[] {
  return isFree(post) ? [] : (["post", "pass", "series"] as const);
}

/** May this reader (null: no reader, or holdings unknown) read the whole post? */
export function mayRead(post: { priceCents: number }, holdings: Holdings | null): boolean {
  const ways = waysToRead(post);
  return ways.length === 0 || (holdings !== null && ways.some((w) => holdings[w]));
}
