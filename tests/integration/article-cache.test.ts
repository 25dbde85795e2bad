import { describe, expect, it } from "vitest";
import { PATCH as patchArticle } from "@/app/api/admin/articles/[slug]/route";
import { cachedPublicPosts, publicPost } from "@/lib/articles/cache";
import { canRead } from "@/lib/entitlements/check";
import { loadGatedBody } from "@/lib/articles/queries";
import { makeArticle, makeQr } from "../support/db";
import { call } from "../support/http";
import { wechatReceipt } from "../support/notify";
import { admin, order, pay, phoneOnline } from "../support/matching";
import { readerFromCookieValue } from "@/lib/readers/links";
import { cookieFrom } from "../support/http";

describe("the public-post cache behind the article page", () => {
  it("never holds the gated body, also after an entitled reader read the post", async () => {
    const article = await makeArticle({ priceCents: 500 });
    await makeQr("wechat");
    await phoneOnline();
    const o = await order(article.slug);
    await pay(wechatReceipt(o.json.amountCents));
    const readerId = await readerFromCookieValue(decodeURIComponent(cookieFrom(o).split("=")[1]));
    // What the page does for this reader: the cached public part, then the entitled body from the database.
    const post = await publicPost(article.slug);
    expect(await canRead(readerId, post!.article)).toBe(true);
    expect(await loadGatedBody(article.id)).toContain("SECRET-BODY");
    // …and an anonymous request afterwards reads the same cache.
    await publicPost(article.slug);

    const cached = JSON.stringify(await cachedPublicPosts());
    expect(cached).toContain("公开的开头");
    expect(cached).not.toContain("SECRET-BODY");
    expect(cached).not.toContain("秘密正文");
  });

  it("shows the owner's edit at once (the admin's write drops the cached copy)", async () => {
    const article = await makeArticle({ priceCents: 500, title: "旧标题" });
    expect((await publicPost(article.slug))?.article.title).toBe("旧标题");
    const res = await call(patchArticle, admin("PATCH", `/api/admin/articles/${article.slug}`, { title: "新标题" }), {
      slug: article.slug,
    });
    expect(res.status).toBe(200);
    expect((await publicPost(article.slug))?.article.title).toBe("新标题");
    const unpublish = await call(patchArticle, admin("PATCH", `/api/admin/articles/${article.slug}`, { published: false }), {
      slug: article.slug,
    });
    expect(unpublish.status).toBe(200);
    expect(await publicPost(article.slug)).toBeNull();
  });
});
