import { describe, expect, it } from "vitest";
import { POST as confirm } from "@/app/api/restore/route";
import { db } from "@/lib/db/client";
import { newId } from "@/lib/ids";
import { previewRestore, readerFromTokenParam } from "@/lib/readers/restore";
import { READER_COOKIE, newReaderId, restoreToken, signReaderId, verifyReaderCookie, verifyRestoreToken } from "@/lib/readers/session";
import { makeArticle } from "../support/db";
import { call, makeRequest } from "../support/http";

async function entitle(readerId: string, articleId: string) {
  await db().entitlement.create({ data: { id: newId(), readerId, articleId } });
}

const deviceCookie = (readerId: string) => `${READER_COOKIE}=${encodeURIComponent(signReaderId(readerId))}`;

function confirmRequest(token: string, headers: Record<string, string> = { "sec-fetch-site": "same-origin" }, cookie?: string) {
  return makeRequest("POST", "/api/restore", {
    rawBody: new URLSearchParams({ token }).toString(),
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    cookie,
  });
}

async function entitlementsOf(readerId: string) {
  return (await db().entitlement.findMany({ where: { readerId }, select: { articleId: true } })).map((e) => e.articleId).sort();
}

describe("restoring purchases on another device", () => {
  it("switches this device's reader cookie on a same-origin confirm, moving no purchases between readers", async () => {
    const [a, b] = [await makeArticle(), await makeArticle()];
    const owner = newReaderId();
    const device = newReaderId();
    await entitle(owner, a.id);
    await entitle(device, b.id);
    const res = await call(confirm, confirmRequest(restoreToken(owner), { "sec-fetch-site": "same-origin" }, deviceCookie(device)));
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/me?restored=1");
    const cookie = res.headers.get("set-cookie")!.split(";")[0].split("=")[1];
    expect(verifyReaderCookie(decodeURIComponent(cookie))).toBe(owner);
    expect(await entitlementsOf(owner)).toEqual([a.id]);
    expect(await entitlementsOf(device)).toEqual([b.id]);
  });

  it("refuses a cross-site confirm (a link or form on another site cannot switch a visitor's device)", async () => {
    const token = restoreToken(newReaderId());
    for (const headers of [{ "sec-fetch-site": "cross-site" }, { origin: "https://evil.example" }] as Record<string, string>[]) {
      const res = await call(confirm, confirmRequest(token, headers));
      expect(res.status).toBe(403);
      expect(res.headers.get("set-cookie")).toBeNull();
    }
  });

  it("refuses a tampered token with a 400 and no cookie", async () => {
    const token = restoreToken(newReaderId()).slice(0, -2) + "xx";
    const res = await call(confirm, confirmRequest(token));
    expect(res.status).toBe(400);
    expect(res.headers.get("set-cookie")).toBeNull();
  });

  it("previews without changing anything, and shows this device's own link when it has purchases of its own", async () => {
    const [a, b] = [await makeArticle(), await makeArticle()];
    const owner = newReaderId();
    const device = newReaderId();
    await entitle(owner, a.id);
    await entitle(device, b.id);
    const preview = await previewRestore(restoreToken(owner), device);
    expect(preview).toMatchObject({ valid: true, alreadyHere: false, purchases: [{ slug: a.slug }], ownPurchases: 1 });
    expect(preview.valid && verifyRestoreToken(preview.ownToken)).toBe(device);
    expect(await entitlementsOf(owner)).toEqual([a.id]);
    expect(await entitlementsOf(device)).toEqual([b.id]);

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
