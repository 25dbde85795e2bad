import { publicPost } from "@/lib/articles/cache";
import { loadGatedBody } from "@/lib/articles/queries";
import { renderMarkdown } from "@/lib/articles/markdown";
import { AppError } from "@/lib/errors";
import type { ReaderCookie } from "@/lib/readers/session";
import { siteSettings } from "@/lib/settings/store";
import { markedHtml, markFor } from "@/lib/marks/deliver";
import { grantFor, holdingsOf } from "@/lib/entitlements/check";
import { mayRead } from "@/lib/entitlements/access";

export interface ReadableBody {
  slug: string;
  /** The gated part of the post, rendered and sanitised exactly as the article page shows it, with this reader's mark. */
  html: string;
  /** The owner's optional visible line's label (「读者 XXXXXX」), or null. */
  readerLine: string | null;
}

/**
 * The gated body of a published post for a reader who may read it (GET /api/articles/{slug}/body):
 * what the pay dialog swaps into the page the moment the order is paid, instead of waiting for a
 * server render of the whole article. The post row comes from the public-post cache (no body in
 * it), the decision from grantFor (indexed lookups), the body by primary key only after that, and
 * its HTML from renderMarkdown's per-process cache; a paid post's copy carries the reader's mark
 * for that grant. A reader who may not read it gets 403 and not a byte of the body.
 */
export async function readableBody(slug: string, session: Pick<ReaderCookie, "readerId" | "via"> | null): Promise<ReadableBody> {
  const post = await publicPost(slug);
  if (!post) throw new AppError("article_not_found", `找不到文章「${slug}」。`);
  const { article } = post;
  const grant = await grantFor(session?.readerId ?? null, article);
  if (!mayRead(article, holdingsOf(grant))) {
    throw new AppError("forbidden", "你还没有购买这篇文章：付款成功后本页会自动显示全文。");
  }
  if (!grant || !session) return { slug: article.slug, html: renderMarkdown(await loadGatedBody(article.id)), readerLine: null };
  // The unlock path: the mark's first delivery is recorded while the body is read, not after.
  const [body, mark, settings] = await Promise.all([loadGatedBody(article.id), markFor(session, grant, article.id), siteSettings()]);
  return { slug: article.slug, html: markedHtml(renderMarkdown(body), mark), readerLine: settings.readerLine ? mark.label : null };
}
