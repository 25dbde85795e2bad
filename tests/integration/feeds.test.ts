import { describe, expect, it } from "vitest";
import { GET as rss } from "@/app/feed.xml/route";
import { GET as atom } from "@/app/atom.xml/route";
import { GET as privateFeed } from "@/app/feed/private/[token]/route";
import { POST as issue, DELETE as revoke } from "@/app/api/me/feed/route";
import { db } from "@/lib/db/client";
import { newId } from "@/lib/ids";
import { newReaderId, READER_COOKIE, signReaderId } from "@/lib/readers/session";
import { updateSiteSettings } from "@/lib/settings/store";
import { makeArticle } from "../support/db";
import { call, makeRequest } from "../support/http";

const same = { "content-type": "application/json", "sec-fetch-site": "same-origin" };
const cookieOf = (readerId: string) => `${READER_COOKIE}=${encodeURIComponent(signReaderId(readerId))}`;

async function blog() {
  const free = await makeArticle({
    slug: "free-post",
    title: "免费文章",
    priceCents: 0,
    markdown: "FREE-TEASER\n\n<!-- more -->\n\nFREE-BODY",
    tags: ["生活"],
  });
  const bought = await makeArticle({
    slug: "bought-post",
    title: "买了的 & <文章>",
    markdown: "BOUGHT-TEASER ![图](/media/0123456789abcdef0123456789abcdef-10x10.png)\n\n<!-- more -->\n\nBOUGHT-GATED",
  });
  const other = await makeArticle({
    slug: "other-post",
    title: "没买的",
    priceCents: 500,
    markdown: "OTHER-TEASER\n\n<!-- more -->\n\nOTHER-GATED",
  });
  const draft = await makeArticle({ slug: "draft-post", published: false, markdown: "DRAFT-TEASER\n\n<!-- more -->\n\nDRAFT-GATED" });
  const reader = newReaderId();
  await db().entitlement.create({ data: { id: newId(), readerId: reader, articleId: bought.id } });
  return { free, bought, other, draft, reader };
}

async function issueFor(reader: string, headers: Record<string, string> = same) {
  return call(issue, makeRequest("POST", "/api/me/feed", { cookie: cookieOf(reader), headers, rawBody: "{}" }));
}

const tokenOf = (url: string) => url.split("/").pop()!;
const readPrivate = (token: string) => call(privateFeed, makeRequest("GET", `/feed/private/${token}`), { token });

describe("public feeds", () => {
  it("carry published posts: free ones in full, paid ones with their teaser only, escaped, with absolute links", async () => {
    await blog();
    await updateSiteSettings({ siteName: "我的博客", siteUrl: "https://blog.example.com" });
    for (const [handler, type] of [
      [rss, "application/rss+xml"],
      [atom, "application/atom+xml"],
    ] as const) {
      const res = await call(handler, makeRequest("GET", "/feed.xml"));
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toContain(type);
      expect(res.headers.get("cache-control")).toBe("public, max-age=300");
      expect(res.text).toContain("我的博客");
      for (const seen of ["FREE-TEASER", "FREE-BODY", "BOUGHT-TEASER", "OTHER-TEASER", "https://blog.example.com/posts/bought-post"])
        expect(res.text).toContain(seen);
      for (const hidden of ["BOUGHT-GATED", "OTHER-GATED", "DRAFT"]) expect(res.text).not.toContain(hidden);
      expect(res.text).toContain("https://blog.example.com/media/0123456789abcdef0123456789abcdef-10x10.png");
      expect(res.text).not.toContain("<文章>"); // escaped, never raw markup in the XML
    }
  });
});

describe("a reader's private feed", () => {
  it("carries the full text of what this reader bought and of free posts, nothing else, never cached publicly", async () => {
    const { reader } = await blog();
    const made = await issueFor(reader);
    expect(made.status).toBe(201);
    expect(made.json.url).toMatch(/^http:\/\/localhost:3000\/feed\/private\/[A-Za-z0-9_-]{32}$/);
    const res = await readPrivate(tokenOf(made.json.url));
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(res.headers.get("x-robots-tag")).toContain("noindex");
    for (const seen of ["BOUGHT-GATED", "FREE-BODY", "OTHER-TEASER"]) expect(res.text).toContain(seen);
    for (const hidden of ["OTHER-GATED", "DRAFT"]) expect(res.text).not.toContain(hidden);
  });

  it("is revocable: a new URL replaces the old one, and switching it off leaves none", async () => {
    const { reader } = await blog();
    const first = tokenOf((await issueFor(reader)).json.url);
    const second = tokenOf((await issueFor(reader)).json.url);
    expect(second).not.toBe(first);
    expect((await readPrivate(first)).status).toBe(404);
    expect((await readPrivate(second)).status).toBe(200);
    const off = await call(revoke, makeRequest("DELETE", "/api/me/feed", { cookie: cookieOf(reader), headers: same, rawBody: "{}" }));
    expect(off.status).toBe(200);
    const gone = await readPrivate(second);
    expect(gone.status).toBe(404);
    expect(gone.text).not.toContain("BOUGHT-GATED");
  });

  it("is not the restore token, and cannot be made cross-site or without a reader", async () => {
    const { reader } = await blog();
    expect((await issueFor(reader, { "content-type": "application/json", "sec-fetch-site": "cross-site" })).status).toBe(403);
    const anonymous = await call(issue, makeRequest("POST", "/api/me/feed", { headers: same, rawBody: "{}" }));
    expect(anonymous.status).toBe(401);
    for (const bad of ["x", "../../etc/passwd", signReaderId(reader)]) expect((await readPrivate(bad)).status).toBe(404);
    expect(await db().readerFeed.count()).toBe(0);
  });
});
