import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { GET as getBody } from "@/app/api/articles/[slug]/body/route";
import { GET as rss } from "@/app/feed.xml/route";
import { GET as privateFeedRoute } from "@/app/feed/private/[token]/route";
import { POST as issueFeed } from "@/app/api/me/feed/route";
import { POST as confirmRestore } from "@/app/api/restore/route";
import { POST as trace } from "@/app/api/admin/trace/route";
import { POST as revokeReader } from "@/app/api/admin/trace/revoke/route";
import { POST as rotateFeeds } from "@/app/api/admin/trace/rotate-feed/route";
import { db } from "@/lib/db/client";
import { newId } from "@/lib/ids";
import { cachedGrant } from "@/lib/entitlements/grant-cache";
import { newReaderId, READER_COOKIE, restoreToken, signReaderId } from "@/lib/readers/session";
import { updateSiteSettings } from "@/lib/settings/store";
import { makeArticle, makeQr } from "../support/db";
import { call, cookieFrom, makeRequest, readerRequest } from "../support/http";
import { adminRequest, enableAdmin } from "../support/admin";
import { hasMarks, stripMarks, textOf } from "../support/marks";
import { order, pay, phoneOnline } from "../support/matching";
import { wechatReceipt } from "../support/notify";

const essay = readFileSync("tests/fixtures/marks/essay.md", "utf8");
const TEASER = "这是公开的开头：谁都能看到，不带记号。";
const cookieOf = (readerId: string) => `${READER_COOKIE}=${encodeURIComponent(signReaderId(readerId))}`;
const body = (slug: string, cookie?: string) => call(getBody, makeRequest("GET", `/api/articles/${slug}/body`, { cookie }), { slug });
const traceText = async (text: string) => call(trace, await adminRequest("token", "POST", "/api/admin/trace", { body: { text } }));
/** About 300 characters from the middle of a copy. */
const excerpt = (text: string, from = 500) => [...text].slice(from, from + 300).join("");

async function paidPost(priceCents = 500) {
  return makeArticle({ priceCents, markdown: `${TEASER}\n\n<!-- more -->\n\n${essay}` });
}

async function entitle(readerId: string, articleId: string) {
  return db().entitlement.create({ data: { id: newId(), readerId, articleId } });
}

describe("per-reader marks on paid text", () => {
  it("gives each paying reader their own marked copy of the body, and the tracer finds the purchase from 300 characters", async () => {
    enableAdmin();
    const post = await paidPost();
    await makeQr("wechat");
    await phoneOnline();
    const o = await order(post.slug);
    await pay(wechatReceipt(o.json.amountCents));
    const buyer = cookieFrom(o);
    const other = newReaderId();
    await entitle(other, post.id);

    const mine = await body(post.slug, buyer);
    const theirs = await body(post.slug, cookieOf(other));
    expect(mine.json.html).not.toBe(theirs.json.html);
    expect(stripMarks(mine.json.html)).toBe(stripMarks(theirs.json.html));

    const found = await traceText(excerpt(textOf(mine.json.html)));
    expect(found.status).toBe(200);
    const [traced] = found.json.posts;
    expect(traced.slug).toBe(post.slug);
    expect(traced.match.confidence).toBeGreaterThanOrEqual(0.999);
    expect(traced.match.grant).toMatchObject({ kind: "article", orderId: o.json.id, stillValid: true });
    expect(traced.match.reader.orders.map((x: { id: string }) => x.id)).toEqual([o.json.id]);
    expect(traced.match.reader.posts.map((x: { slug: string }) => x.slug)).toEqual([post.slug]);

    const second = (await traceText(excerpt(textOf(theirs.json.html), 900))).json.posts[0].match;
    expect(second.reader.readerId).toBe(other);
    expect(second.reader.label).toMatch(/^读者 [0-9A-Z]{6}$/);
  });

  it("puts no mark in teasers, free posts, the public feed, or anything an anonymous reader gets", async () => {
    const post = await paidPost();
    const free = await makeArticle({ priceCents: 0, markdown: `${TEASER}\n\n<!-- more -->\n\n${essay}` });
    const reader = newReaderId();
    await entitle(reader, post.id);
    const freeBody = await body(free.slug, cookieOf(reader));
    expect(freeBody.status).toBe(200);
    expect(hasMarks(freeBody.json.html)).toBe(false);
    expect((await body(post.slug)).status).toBe(403);
    const feed = await call(rss, makeRequest("GET", "/feed.xml"));
    expect(feed.text).toContain(TEASER);
    expect(hasMarks(feed.text)).toBe(false);
    const bought = await body(post.slug, cookieOf(reader));
    expect(hasMarks(bought.json.html)).toBe(true);
    expect(bought.json.html).not.toContain("这是公开的开头");
  });

  it("marks a private feed's paid posts under the grant each is read under, and a restored browser's feed with its own mark", async () => {
    enableAdmin();
    const post = await paidPost();
    const buyer = newReaderId();
    await entitle(buyer, post.id);
    const same = { "content-type": "application/json", "sec-fetch-site": "same-origin" };
    const feedOf = async (cookie: string) => {
      const url = (await call(issueFeed, makeRequest("POST", "/api/me/feed", { cookie, headers: same, rawBody: "{}" }))).json.url as string;
      const token = url.split("/").pop()!;
      return (await call(privateFeedRoute, makeRequest("GET", `/feed/private/${token}`), { token })).text;
    };
    const own = await feedOf(cookieOf(buyer));
    const restored = await call(confirmRestore, readerRequest("POST", "/api/restore", { body: { token: restoreToken(buyer) } }));
    const device = await feedOf(cookieFrom(restored));
    expect(hasMarks(own)).toBe(true);
    expect(stripMarks(own)).not.toBe(own);
    const fromOwn = (await traceText(excerpt(textOf(own), 700))).json.posts[0].match;
    expect(fromOwn.reader.readerId).toBe(buyer);
    expect(fromOwn.restoredBrowser).toBeNull();
    const fromDevice = (await traceText(excerpt(textOf(device), 700))).json.posts[0].match;
    expect(fromDevice.reader.readerId).toBe(buyer);
    expect(fromDevice.restoredBrowser.linkId).toBe(`${buyer}.0`);
  });

  it("says plainly when a passage carries no mark, and refuses a passage too short to trace", async () => {
    enableAdmin();
    const post = await paidPost();
    const reader = newReaderId();
    await entitle(reader, post.id);
    await body(post.slug, cookieOf(reader)); // a mark was delivered: there is someone it could wrongly name
    const plain = await traceText(excerpt(essay));
    expect(plain.status).toBe(200);
    expect(plain.json.posts[0]).toMatchObject({ slug: post.slug, match: null });
    expect(plain.json.verdict).toMatch(/没有任何记号.*重新打字.*截图/);
    const short = await traceText("只有几个字");
    expect(short.status).toBe(400);
    expect(short.json.error.message).toContain("至少");
  });

  it("revokes a traced reader's purchases and feeds at once, remembered grants included, and rotates feeds on request", async () => {
    enableAdmin();
    const post = await paidPost();
    const reader = newReaderId();
    await entitle(reader, post.id);
    const same = { "content-type": "application/json", "sec-fetch-site": "same-origin" };
    const url = (await call(issueFeed, makeRequest("POST", "/api/me/feed", { cookie: cookieOf(reader), headers: same, rawBody: "{}" })))
      .json.url;
    const rotated = await call(
      rotateFeeds,
      await adminRequest("token", "POST", "/api/admin/trace/rotate-feed", { body: { readerId: reader } }),
    );
    expect(rotated.json).toEqual({ readerId: reader, rotated: 1 });
    const old = url.split("/").pop();
    expect((await call(privateFeedRoute, makeRequest("GET", `/feed/private/${old}`), { token: old })).status).toBe(404);
    expect(await db().readerFeed.findUnique({ where: { readerId: reader } })).toMatchObject({ rotatedBy: "owner" });

    expect(await cachedGrant(reader, post)).not.toBeNull();
    expect((await body(post.slug, cookieOf(reader))).status).toBe(200);
    const res = await call(revokeReader, await adminRequest("token", "POST", "/api/admin/trace/revoke", { body: { readerId: reader } }));
    expect(res.json).toEqual({ readerId: reader, posts: 1, series: 0, passes: 0, feeds: 1 });
    expect(await cachedGrant(reader, post)).toBeNull();
    expect((await body(post.slug, cookieOf(reader))).status).toBe(403);
    // What was delivered stays traceable.
    expect(await db().deliveryMark.count({ where: { readerId: reader } })).toBeGreaterThan(0);
  });

  it("shows the owner's visible line with the reader label when turned on, and the tracer finds a reader by it", async () => {
    enableAdmin();
    const post = await paidPost();
    const reader = newReaderId();
    await entitle(reader, post.id);
    expect((await body(post.slug, cookieOf(reader))).json.readerLine).toBeNull();
    await updateSiteSettings({ readerLine: true });
    const { readerLine } = (await body(post.slug, cookieOf(reader))).json;
    expect(readerLine).toMatch(/^读者 [0-9A-Z]{6}$/);
    const found = await traceText(`截图识别出来的文字……本文仅供 ${readerLine} 阅读`);
    expect(found.json.labels).toHaveLength(1);
    expect(found.json.labels[0].reader.readerId).toBe(reader);
  });
});
