import { describe, expect, it } from "vitest";
import { GET as restore } from "@/app/restore/[token]/route";
import { db } from "@/lib/db/client";
import { newId } from "@/lib/ids";
import { READER_COOKIE, newReaderId, restoreToken, signReaderId, verifyReaderCookie } from "@/lib/readers/session";
import { makeArticle } from "../support/db";
import { call, makeRequest } from "../support/http";

async function entitle(readerId: string, articleId: string) {
  await db().entitlement.create({ data: { id: newId(), readerId, articleId } });
}

describe("restoring purchases on another device", () => {
  it("sets this device's reader cookie from a valid restore link and keeps what this device had bought", async () => {
    const [a, b] = [await makeArticle(), await makeArticle()];
    const owner = newReaderId();
    const device = newReaderId();
    await entitle(owner, a.id);
    await entitle(device, b.id);
    const token = restoreToken(owner);
    const res = await call(restore, makeRequest("GET", `/restore/${token}`, { cookie: `${READER_COOKIE}=${encodeURIComponent(signReaderId(device))}` }), { token });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/me?restored=1");
    const cookie = res.headers.get("set-cookie")!.split(";")[0].split("=")[1];
    expect(verifyReaderCookie(decodeURIComponent(cookie))).toBe(owner);
    const owned = await db().entitlement.findMany({ where: { readerId: owner }, select: { articleId: true } });
    expect(owned.map((e) => e.articleId).sort()).toEqual([a.id, b.id].sort());
  });

  it("refuses a tampered restore link without touching the cookie", async () => {
    const token = restoreToken(newReaderId()).slice(0, -2) + "xx";
    const res = await call(restore, makeRequest("GET", `/restore/${token}`), { token });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toContain("restored=0");
    expect(res.headers.get("set-cookie")).toBeNull();
  });
});
