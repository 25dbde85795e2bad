import { describe, expect, it } from "vitest";
import { GET as getBody } from "@/app/api/articles/[slug]/body/route";
import { makeArticle, makeQr } from "../support/db";
import { call, cookieFrom, makeRequest } from "../support/http";
import { wechatReceipt } from "../support/notify";
import { order, pay, phoneOnline } from "../support/matching";
import { stripMarks } from "../support/marks";

const body = (slug: string, cookie?: string) => call(getBody, makeRequest("GET", `/api/articles/${slug}/body`, { cookie }), { slug });

/** A paid post and a reader holding an open (unpaid) order for it. */
async function pendingReader() {
  const article = await makeArticle({ priceCents: 500 });
  await makeQr("wechat");
  await phoneOnline();
  const o = await order(article.slug);
  expect(o.status).toBe(201);
  return { article, o, cookie: cookieFrom(o) };
}

describe("GET /api/articles/{slug}/body: the unlocked body the pay dialog swaps in", () => {
  it("refuses an anonymous request with 403 and not a byte of the body", async () => {
    const article = await makeArticle({ priceCents: 500 });
    const res = await body(article.slug);
    expect(res.status).toBe(403);
    expect(res.json.error.code).toBe("forbidden");
    expect(res.json.error.message).toMatch(/付款/);
    expect(res.text).not.toContain("SECRET-BODY");
    expect(res.headers.get("cache-control")).toBe("private, no-store");
  });

  it("refuses a reader whose order is not paid yet, and a forged cookie", async () => {
    const { article, cookie } = await pendingReader();
    for (const c of [cookie, "pw_reader=forged.cookie"]) {
      const res = await body(article.slug, c);
      expect(res.status).toBe(403);
      expect(res.text).not.toContain("SECRET-BODY");
    }
  });

  it("answers the paying reader with the rendered body the moment the order is paid, never for a shared cache", async () => {
    const { article, o, cookie } = await pendingReader();
    await pay(wechatReceipt(o.json.amountCents));
    const res = await body(article.slug, cookie);
    expect(res.status).toBe(200);
    // The rendered body, with this reader's invisible mark in it (lib/marks): without its carriers, the post as written.
    expect(res.json).toMatchObject({ slug: article.slug, readerLine: null });
    expect(res.json.html).not.toBe("<p>付费后才能看到的秘密正文 SECRET-BODY。</p>\n");
    expect(stripMarks(res.json.html)).toBe("<p>付费后才能看到的秘密正文 SECRET-BODY。</p>\n");
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    // The public part is not repeated: the page already shows the teaser.
    expect(res.text).not.toContain("公开的开头");
    // Right after it, the same post for someone else: still nothing (no answer is kept and shared).
    const other = await body(article.slug);
    expect(other.status).toBe(403);
    expect(other.text).not.toContain("SECRET-BODY");
  });

  it("answers 404 for a post that does not exist or is not published", async () => {
    const draft = await makeArticle({ priceCents: 500, published: false });
    for (const slug of ["no-such-post", draft.slug, "Bad Slug!"]) {
      const res = await body(slug);
      expect(res.status).toBe(404);
      expect(res.json.error.code).toBe("article_not_found");
      expect(res.text).not.toContain("SECRET-BODY");
    }
  });
});
