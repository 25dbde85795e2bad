import { createHmac, randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { sameSecret } from "@/lib/constant-time";
import { sessionSecret } from "@/lib/http/session-secret";
import { renderMarkdown } from "@/lib/articles/markdown";
import { isLive, postState } from "@/lib/articles/publication";
import { mayRead, PREVIEW_LINK_ONLY } from "@/lib/entitlements/access";

/**
 * Preview links (预览链接) for a draft or scheduled post: the owner shares
 * /preview/<token> and whoever has it reads the whole post, marked 预览, without
 * paying. The token is "<articleId>.<key>.<mac>": the MAC (HMAC-SHA256 under the
 * session secret) turns away made-up tokens before the database is asked; the key
 * must equal the post's stored previewKey, so a new link or 撤销 ends the old
 * one at once in every process. Whether the link opens the post is the one
 * access rule's (lib/entitlements/access.ts: a post not out yet opens to its
 * preview link only; a live one never does), so once the post is public the link
 * stops showing the text and the page sends readers to the post itself: a preview
 * is never a way around the paywall of a live post.
 */
const mac = (articleId: string, key: string) =>
  createHmac("sha256", sessionSecret()).update(`preview:${articleId}:${key}`).digest("base64url").slice(0, 32);

export const previewPath = (token: string) => `/preview/${token}`;

/** The post's current preview link, made on first use; 409 for a post readers can already see. */
export async function previewLink(slug: string, now = new Date()): Promise<{ path: string }> {
  const a = await db().article.findUnique({ where: { slug }, select: { id: true, published: true, publishedAt: true, previewKey: true } });
  if (!a) throw new AppError("article_not_found", `找不到文章「${slug}」。`);
  if (isLive(postState(a, now))) {
    throw new AppError("conflict", "这篇文章已经发布，直接分享文章链接即可；预览链接只用于草稿和定时发布的文章。");
  }
  let key = a.previewKey;
  if (!key) {
    key = randomBytes(16).toString("base64url");
    // Only where none was set meanwhile: two clicks at once end with one link, not two.
    await db().article.updateMany({ where: { id: a.id, previewKey: null }, data: { previewKey: key } });
    key = (await db().article.findUnique({ where: { id: a.id }, select: { previewKey: true } }))?.previewKey ?? key;
  }
  return { path: previewPath(`${a.id}.${key}.${mac(a.id, key)}`) };
}

/** 撤销: the link stops working at once; the next POST makes a new one. */
export async function revokePreviewLink(slug: string): Promise<void> {
  const { count } = await db().article.updateMany({ where: { slug }, data: { previewKey: null } });
  if (count === 0) throw new AppError("article_not_found", `找不到文章「${slug}」。`);
}

export type PreviewResult =
  | { kind: "invalid" }
  | { kind: "live"; slug: string }
  | {
      kind: "preview";
      title: string;
      slug: string;
      priceCents: number;
      publishedAt: Date | null;
      teaserHtml: string;
      bodyHtml: string;
      tags: string[];
    };

/** What /preview/<token> shows: the whole post, the live post's address, or nothing (forged or revoked). */
export async function openPreview(token: string, now = new Date()): Promise<PreviewResult> {
  const [id, key, sig] = token.split(".");
  if (!id || !key || !sig || token.split(".").length !== 3) return { kind: "invalid" };
  if (!sameSecret(sig, mac(id, key))) return { kind: "invalid" };
  const a = await db().article.findUnique({
    where: { id },
    select: {
      slug: true,
      title: true,
      priceCents: true,
      published: true,
      publishedAt: true,
      previewKey: true,
      teaser: true,
      body: true,
      tags: { select: { tag: true }, orderBy: { tag: "asc" } },
    },
  });
  if (!a || a.previewKey !== key) return { kind: "invalid" };
  // A live post is read at its own address, under its own paywall.
  if (isLive(postState(a, now))) return { kind: "live", slug: a.slug };
  // The key matched: the visitor holds this post's preview link; the one rule says what that opens.
  if (!mayRead({ priceCents: a.priceCents, live: false }, PREVIEW_LINK_ONLY)) return { kind: "invalid" };
  return {
    kind: "preview",
    title: a.title,
    slug: a.slug,
    priceCents: a.priceCents,
    publishedAt: a.publishedAt,
    teaserHtml: renderMarkdown(a.teaser),
    bodyHtml: renderMarkdown(a.body),
    tags: a.tags.map((t) => t.tag),
  };
}
