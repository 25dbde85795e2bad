/**
 * Who may read the whole of a post: the one rule, pure, asked by every surface that could show a
 * gated body — the article page and its page cache, GET /api/articles/{slug}/body, the feeds, the
 * 我已付款 form — through check.ts, which looks the reader's holdings up, and the preview page
 * (/preview/{token}) with the owner's preview link. Surfaces never re-derive it (like Ghost's
 * content gating: one checkPostAccess with a test of every combination).
 */

/** What a visitor holds, as of now, that can open a post. */
export interface Holdings {
  /** The post itself, bought or redeemed on its own. */
  post: boolean;
  /** A series that contains the post today (posts added later are covered, removed ones not). */
  series: boolean;
  /** A site pass (全站通) valid now, or a lifetime one. */
  pass: boolean;
  /**
   * The owner's preview link for this very post, checked (lib/entitlements/preview.ts: signed, not
   * revoked). A link, not something a reader owns: check.ts never finds one.
   */
  preview: boolean;
}

export type Holding = keyof Holdings;

/** The post as the rule needs it: its price, and whether readers can see it yet (lib/articles/publication.ts isLive). */
export interface PostTerms {
  priceCents: number;
  /** False for a draft or a scheduled post; absent means live (every public query returns only live posts). */
  live?: boolean;
}

/** A free post: everyone reads it, no reader needed. */
export const isFree = (post: { priceCents: number }): boolean => post.priceCents <= 0;

/**
 * The holdings that open a post, in the order check.ts asks the database (cheapest and likeliest
 * first); none for a free live post. A post readers cannot see yet opens only to its preview link,
 * free or not, whatever else the visitor holds; a live post never to a preview link, so a shared
 * link is no way around the paywall once the post is out.
 */
export function waysToRead(post: PostTerms): readonly Holding[] {
  if (post.live === false) return ["preview"];
  return isFree(post) ? [] : (["post", "pass", "series"] as const);
}

/** May this visitor (null: no reader, or holdings unknown) read the whole post? */
export function mayRead(post: PostTerms, holdings: Holdings | null): boolean {
  const ways = waysToRead(post);
  return ways.length === 0 || (holdings !== null && ways.some((w) => holdings[w]));
}

/** What a visitor holds with nothing but the owner's preview link in hand. */
export const PREVIEW_LINK_ONLY: Holdings = { post: false, series: false, pass: false, preview: true };
