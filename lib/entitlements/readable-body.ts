import { publicPost } from "@/lib/articles/cache";
import { loadGatedBody } from "@/lib/articles/queries";
import { renderMarkdown } from "@/lib/articles/markdown";
import { AppError } from "@/lib/errors";
import { canRead } from "@/lib/entitlements/check";

export interface ReadableBody {
  slug: string;
  /** The gated part of the post, rendered and sanitised exactly as the article page shows it. */
  html: string;
}

/**
 * The gated body of a published post for a reader who may read it (GET /api/articles/{slug}/body):
 * what the pay dialog swaps into the page the moment the order is paid, instead of waiting for a
 * server render of the whole article. The post row comes from the public-post cache (no body in
 * it), the decision from canRead (indexed lookups), the body by primary key only after that, and
 * its HTML from renderMarkdown's per-process cache. A reader who may not read it gets 403 and
 * not a byte of the body.
 */
export async function readableBody(slug: string, readerId: string | null): Promise<ReadableBody> {
  const post = await publicPost(slug);
  if (!post) throw new AppError("article_not_found", `找不到文章「${slug}」。`);
  if (!(await canRead(readerId, post.article))) {
    throw new AppError("forbidden", "你还没有购买这篇文章：付款成功后本页会自动显示全文。");
  }
  return { slug: post.article.slug, html: renderMarkdown(await loadGatedBody(post.article.id)) };
}
