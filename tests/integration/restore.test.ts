import { describe, expect, it } from "vitest";
import { POST as confirm } from "@/app/api/restore/route";
import { POST as revoke } from "@/app/api/admin/restore-links/revoke/route";
import { GET as listLinks } from "@/app/api/admin/restore-links/route";
import { db } from "@/lib/db/client";
import { newId } from "@/lib/ids";
import { previewRestore, readerFromTokenParam, currentRestoreToken } from "@/lib/readers/restore";
import { readerFromCookieValue } from "@/lib/readers/links";
import { READER_COOKIE, newReaderId, restoreToken, signReaderId, verifyRestoreToken } from "@/lib/readers/session";
import { POST as issueFeed, DELETE as stopFeed } from "@/app/api/me/feed/route";
import { GET as privateFeedRoute } from "@/app/feed/private/[token]/route";
import { currentFeedTokenFor } from "@/lib/readers/feed-token";
import { readerSessionFromCookieValue } from "@/lib/readers/links";
import { makeArticle } from "../support/db";
import { call, makeRequest, readerRequest } from "../support/http";
import { adminRequest, enableAdmin } from "../support/admin";

async function entitle(readerId: string, articleId: string) {
  await db().entitlement.create({ data: { id: newId(), readerId, articleId } });
}

const deviceCookie = (readerId: string) => `${READER_COOKIE}=${encodeURIComponent(signReaderId(readerId))}`;

function confirmRequest(token: string, opts: { headers?: Record<string, string>; cookie?: string } = {}) {
  return readerRequest("POST", "/api/restore", { body: { token }, ...opts });
}

/** The cookie value a confirm set (decoded), or null. */
function setCookieValue(res: { headers: Headers }): string | null {
  const set = res.headers.get("set-cookie");
  return set ? decodeURIComponent(set.split(";")[0].split("=")[1]) : null;
}

/** The feed token 我的购买 shows the browser with this Cookie header, or null. */
async function currentFeedUrlFor(cookie: string): Promise<string | null> {
  const session = await readerSessionFromCookieValue(decodeURIComponent(cookie.split("=").slice(1).join("=")));
  return session ? currentFeedTokenFor(session) : null;
}

async function entitlementsOf(readerId: string) {
  return (await db().entitlement.findMany({ where: { readerId }, select: { articleId: true } })).map((e) => e.articleId).sort();
}

describe("restoring purchases on another device", () => {
  it("switches this device's reader cookie on a same-origin JSON confirm, moving no purchases between readers", async () => {
    const [a, b] = [await makeArticle(), await makeArticle()];
    const owner = newReaderId();
    const device = newReaderId();
    await entitle(owner, a.id);
    await entitle(device, b.id);
    const res = await call(confirm, confirmRequest(restoreToken(owner), { cookie: deviceCookie(device) }));
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ ok: true });
    expect(await readerFromCookieValue(setCookieValue(res))).toBe(owner);
    expect(await entitlementsOf(owner)).toEqual([a.id]);
    expect(await entitlementsOf(device)).toEqual([b.id]);
  });

  it("refuses a cross-site confirm, a form post and a request that says nowhere where it came from", async () => {
    const token = restoreToken(newReaderId());
    const crossSite: Record<string, string>[] = [
      { "sec-fetch-site": "cross-site" },
      { "sec-fetch-site": "same-site" },
      { origin: "https://evil.example" },
    ];
    for (const headers of crossSite) {
      const res = await call(confirm, confirmRequest(token, { headers }));
      expect(res.status).toBe(403);
      expect(res.headers.get("set-cookie")).toBeNull();
    }
    const form = makeRequest("POST", "/api/restore", {
      rawBody: new URLSearchParams({ token }).toString(),
      headers: { "content-type": "application/x-www-form-urlencoded", "sec-fetch-site": "same-origin" },
    });
    expect((await call(confirm, form)).status).toBe(415);
    const bare = makeRequest("POST", "/api/restore", { body: { token } });
    const refused = await call(confirm, bare);
    expect(refused.status).toBe(403);
    expect(refused.json.error.message).toContain("Origin");
  });

  it("refuses a tampered token with a 400 and no cookie", async () => {
    const token = restoreToken(newReaderId()).slice(0, -2) + "xx";
    const res = await call(confirm, confirmRequest(token));
    expect(res.status).toBe(400);
    expect(res.headers.get("set-cookie")).toBeNull();
  });

  it("marks the reader cookie Secure behind a trusted HTTPS proxy", async () => {
    process.env.TRUST_PROXY = "1";
    const res = await call(confirm, confirmRequest(restoreToken(newReaderId()), { headers: { "x-forwarded-proto": "https" } }));
    expect(res.headers.get("set-cookie")).toMatch(/; Secure/);
    delete process.env.TRUST_PROXY;
    const plain = await call(confirm, confirmRequest(restoreToken(newReaderId())));
    expect(plain.headers.get("set-cookie")).not.toMatch(/Secure/);
  });

  it("previews without changing anything, and shows this device's own link when it has purchases of its own", async () => {
    const [a, b] = [await makeArticle(), await makeArticle()];
    const owner = newReaderId();
    const device = newReaderId();
    await entitle(owner, a.id);
    await entitle(device, b.id);
    const preview = await previewRestore(restoreToken(owner), device);
    expect(preview).toMatchObject({
      valid: true,
      alreadyHere: false,
      purchases: [{ slug: a.slug }],
      ownPurchases: 1,
      devices: 0,
      maxDevices: 5,
    });
    expect(preview.valid && verifyRestoreToken(preview.ownToken)).toBe(device);
    expect(await entitlementsOf(owner)).toEqual([a.id]);
    expect(await entitlementsOf(device)).toEqual([b.id]);
    expect(await db().restoreLink.count()).toBe(0);

    expect(await previewRestore(restoreToken(owner), owner)).toMatchObject({ valid: true, alreadyHere: true });
    expect(await previewRestore(restoreToken(owner), null)).toMatchObject({ valid: true, ownPurchases: 0, ownToken: null });
  });

  it("treats malformed path segments (%E0, garbage, a cookie value) as invalid links instead of throwing", async () => {
    for (const bad of ["%E0", "%25E0", "garbage", "a.b.c", signReaderId(newReaderId())]) {
      expect(readerFromTokenParam(bad)).toBeNull();
      expect(await previewRestore(bad, null)).toEqual({ valid: false });
    }
    const id = newReaderId();
    expect(readerFromTokenParam(encodeURIComponent(restoreToken(id)))).toBe(id);
  });
});

describe("one restore link, a limited number of devices", () => {
  it("unlocks at most RESTORE_MAX_DEVICES new browsers and explains the refusal; a browser that used it may confirm again", async () => {
    process.env.RESTORE_MAX_DEVICES = "3";
    const token = restoreToken(newReaderId());
    const cookies: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await call(confirm, confirmRequest(token));
      expect(res.status).toBe(200);
      cookies.push(`${READER_COOKIE}=${encodeURIComponent(setCookieValue(res)!)}`);
    }
    const fourth = await call(confirm, confirmRequest(token));
    expect(fourth.status).toBe(409);
    expect(fourth.json.error.code).toBe("restore_link_full");
    expect(fourth.json.error.message).toContain("3 台设备");
    expect(fourth.headers.get("set-cookie")).toBeNull();
    // The second browser confirming again is still one of the three.
    expect((await call(confirm, confirmRequest(token, { cookie: cookies[1] }))).status).toBe(200);
    expect(await db().restoreDevice.count()).toBe(3);
  });

  it("counts devices in the database, so browsers confirming at once cannot overshoot the limit", async () => {
    const token = restoreToken(newReaderId());
    const results = await Promise.all(Array.from({ length: 9 }, () => call(confirm, confirmRequest(token))));
    expect(results.filter((r) => r.status === 200)).toHaveLength(5);
    expect(results.filter((r) => r.status === 409)).toHaveLength(4);
    expect(await db().restoreDevice.count()).toBe(5);
  });
});

describe("the owner revokes a restore link", () => {
  it("stops the link, signs out the browsers that used it, keeps the buyer's own device, and gives the reader a new link", async () => {
    enableAdmin();
    const a = await makeArticle();
    const owner = newReaderId();
    await entitle(owner, a.id);
    const token = restoreToken(owner);
    const used = await call(confirm, confirmRequest(token));
    const restoredCookie = setCookieValue(used)!;
    expect(await readerFromCookieValue(restoredCookie)).toBe(owner);

    const res = await call(
      revoke,
      await adminRequest("token", "POST", "/api/admin/restore-links/revoke", { body: { link: `https://blog.example/restore/${token}` } }),
    );
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ readerId: owner, generation: 0, devices: 1 });
    expect(res.json.revokedAt).toBeTruthy();

    expect(await readerFromCookieValue(restoredCookie)).toBeNull();
    expect(await readerFromCookieValue(signReaderId(owner))).toBe(owner);
    const again = await call(confirm, confirmRequest(token));
    expect(again.status).toBe(410);
    expect(again.json.error.message).toContain("作废");
    expect(await previewRestore(token, null)).toMatchObject({ valid: true, revoked: true });

    const fresh = await currentRestoreToken(owner);
    expect(fresh).not.toBe(token);
    expect(verifyRestoreToken(fresh)).toBe(owner);
    expect((await call(confirm, confirmRequest(fresh))).status).toBe(200);

    const listed = await call(listLinks, await adminRequest("token", "GET", "/api/admin/restore-links"));
    expect(listed.json.items.map((l: { generation: number; revokedAt: string | null }) => [l.generation, !!l.revokedAt]).sort()).toEqual([
      [0, true],
      [1, false],
    ]);
  });

  it("revokes a reader's current link by reader id, and says what it needs when the input is neither", async () => {
    enableAdmin();
    const reader = newReaderId();
    const ok = await call(revoke, await adminRequest("token", "POST", "/api/admin/restore-links/revoke", { body: { link: reader } }));
    expect(ok.json).toMatchObject({ readerId: reader, generation: 0, devices: 0 });
    expect(verifyRestoreToken(await currentRestoreToken(reader))).toBe(reader);
    expect(await currentRestoreToken(reader)).toBe(restoreToken(reader, undefined, 1));
    const bad = await call(revoke, await adminRequest("token", "POST", "/api/admin/restore-links/revoke", { body: { link: "nope" } }));
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toContain("恢复链接");
  });
});

describe("a browser restored through a link and the private feed (issue 19.5)", () => {
  const sameOrigin = { "content-type": "application/json", "sec-fetch-site": "same-origin" };
  const feedCall = (method: "POST" | "DELETE", cookie: string) =>
    call(method === "POST" ? issueFeed : stopFeed, makeRequest(method, "/api/me/feed", { cookie, headers: sameOrigin, rawBody: "{}" }));
  const readFeed = (url: string) => {
    const token = url.split("/").pop()!;
    return call(privateFeedRoute, makeRequest("GET", `/feed/private/${token}`), { token });
  };
  const asCookie = (value: string) => `${READER_COOKIE}=${encodeURIComponent(value)}`;

  it("gets its own feed URL tied to the link, never sees or replaces the buyer's, and loses it when the link is revoked", async () => {
    enableAdmin();
    const a = await makeArticle({ markdown: "公开的开头\n\n<!-- more -->\n\nGATED-BODY-OF-A" });
    const buyer = newReaderId();
    await entitle(buyer, a.id);
    const buyerCookie = deviceCookie(buyer);
    const buyerFeed = (await feedCall("POST", buyerCookie)).json.url as string;

    const token = restoreToken(buyer);
    const restoredCookie = asCookie(setCookieValue(await call(confirm, confirmRequest(token)))!);
    // The restored browser's 我的购买 shows no feed URL until it makes its own, and never the buyer's.
    expect(await currentFeedUrlFor(restoredCookie)).toBeNull();
    const restoredFeed = (await feedCall("POST", restoredCookie)).json.url as string;
    expect(restoredFeed).not.toBe(buyerFeed);
    expect(await currentFeedUrlFor(restoredCookie)).toBe(restoredFeed.split("/").pop());
    expect(await currentFeedUrlFor(buyerCookie)).toBe(buyerFeed.split("/").pop());
    // Replacing or stopping it from the restored browser leaves the buyer's URL alone.
    const replaced = (await feedCall("POST", restoredCookie)).json.url as string;
    await feedCall("DELETE", restoredCookie);
    const again = (await feedCall("POST", restoredCookie)).json.url as string;
    for (const url of [buyerFeed]) expect((await readFeed(url)).text).toContain("GATED-BODY-OF-A");
    expect((await readFeed(replaced)).status).toBe(404);
    expect((await readFeed(again)).text).toContain("GATED-BODY-OF-A");

    const res = await call(revoke, await adminRequest("token", "POST", "/api/admin/restore-links/revoke", { body: { link: token } }));
    expect(res.status).toBe(200);
    for (const url of [restoredFeed, replaced, again]) {
      const gone = await readFeed(url);
      expect(gone.status).toBe(404);
      expect(gone.text).not.toContain("GATED-BODY-OF-A");
    }
    // A later purchase by the buyer is not served through anything the restored browser held.
    const b = await makeArticle({ markdown: "开头\n\n<!-- more -->\n\nGATED-BODY-OF-B" });
    await entitle(buyer, b.id);
    expect((await readFeed(again)).text).not.toContain("GATED-BODY-OF-B");
    // The revoked browser cannot make a new one; the buyer's own cookie and feed keep working.
    expect((await feedCall("POST", restoredCookie)).status).toBe(401);
    expect(await readerFromCookieValue(signReaderId(buyer))).toBe(buyer);
    const buyers = await readFeed(buyerFeed);
    expect(buyers.status).toBe(200);
    expect(buyers.text).toContain("GATED-BODY-OF-B");
  });
});
