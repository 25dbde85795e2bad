import { formatCents } from "@/lib/money";
import { firstImage, plainExcerpt } from "@/lib/articles/markdown";
import type { PublicArticle } from "@/lib/articles/queries";

/**
 * What a shared link shows (Open Graph, Twitter card, JSON-LD): built from the
 * public teaser only. The gated body is never an input here, so no part of it
 * (not even an image in it) can reach a share card.
 */
export function shareCard(a: PublicArticle, fallbackImage: string) {
  const teaser = plainExcerpt(a.teaser, 150);
  const description = teaser || (a.priceCents > 0 ? `付费文章 · ¥${formatCents(a.priceCents)}` : a.title);
  return { description, image: firstImage(a.teaser) ?? (fallbackImage || null) };
}
