import { describe, expect, it } from "vitest";
import { POST as setup } from "@/app/api/admin/setup/route";
import { POST as login } from "@/app/api/admin/login/route";
import { POST as changePassword } from "@/app/api/admin/password/route";
import { GET as listSessions, DELETE as endOthers } from "@/app/api/admin/sessions/route";
import { GET as listArticles } from "@/app/api/admin/articles/route";
import { issueSetupToken, setupState } from "@/lib/auth/setup";
import { PASSWORD_HASH_KEY } from "@/lib/auth/credential";
import { db } from "@/lib/db/client";
import { call, cookieFrom, makeRequest } from "../support/http";

const OWNER_PASSWORD = "my own long password";
const sameSite = { "sec-fetch-site": "same-origin" };
const doSetup = (token: string, password: string) =>
  call(setup, makeRequest("POST", "/api/admin/setup", { body: { token, password }, headers: sameSite }));
const tryLogin = (password: string, ip = "127.0.0.1") =>
  call(login, makeRequest("POST", "/api/admin/login", { body: { password }, headers: { "x-paywall-peer": ip } }));
const articles = (cookie: string) => call(listArticles, makeRequest("GET", "/api/admin/articles", { cookie }));

describe("first-run setup in the browser", () => {
  it("lets the one-time link choose a password, stores only its argon2id hash, logs the owner in, then stops working", async () => {
    const token = (await issueSetupToken())!;
    expect(token).toMatch(/^[\w-]{20,}$/);
    expect(await setupState(token)).toBe("open");
    expect(await setupState("not-the-token")).toBe("invalid");

    const res = await doSetup(token, OWNER_PASSWORD);
    expect(res.status).toBe(201);
    expect((await articles(cookieFrom(res))).status).toBe(200);

    const stored = await db().setting.findUniqueOrThrow({ where: { key: PASSWORD_HASH_KEY } });
    expect(stored.value).toMatch(/^\$argon2id\$/);
    expect(stored.value).not.toContain(OWNER_PASSWORD);

    expect(await setupState(token)).toBe("done");
    const again = await doSetup(token, "someone else's password");
    expect(again.status).toBe(403);
    expect((await tryLogin("someone else's password")).status).toBe(401);
    expect((await tryLogin(OWNER_PASSWORD)).status).toBe(200);
    expect(await issueSetupToken()).toBeNull();
  });

  it("refuses a short password with a clear message and keeps the link usable", async () => {
    const token = (await issueSetupToken())!;
    const res = await doSetup(token, "short");
    expect(res.status).toBe(400);
    expect(res.json.error.message).toContain("至少需要 8 个字符");
    expect(await setupState(token)).toBe("open");
  });

  it("sets the password exactly once when two browsers race with the same link", async () => {
    const token = (await issueSetupToken())!;
    const results = await Promise.all([doSetup(token, "first racer password"), doSetup(token, "second racer password")]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 403]);
  });

  it("replaces the link at each start: an older link stops working", async () => {
    const old = (await issueSetupToken())!;
    const fresh = (await issueSetupToken())!;
    expect((await doSetup(old, OWNER_PASSWORD)).status).toBe(403);
    expect((await doSetup(fresh, OWNER_PASSWORD)).status).toBe(201);
  });

  it("prints no link when ADMIN_PASSWORD is set, and ADMIN_PASSWORD wins over a stored password while it is set", async () => {
    expect((await doSetup((await issueSetupToken())!, OWNER_PASSWORD)).status).toBe(201);
    process.env.ADMIN_PASSWORD = "password from the environment";
    expect(await issueSetupToken()).toBeNull();
    expect((await tryLogin(OWNER_PASSWORD)).status).toBe(401);
    expect((await tryLogin("password from the environment")).status).toBe(200);
    process.env.ADMIN_PASSWORD = "";
    expect((await tryLogin(OWNER_PASSWORD, "127.0.0.2")).status).toBe(200);
  });
});

describe("changing the password in the admin", () => {
  async function ownerSession(): Promise<string> {
    const res = await doSetup((await issueSetupToken())!, OWNER_PASSWORD);
    expect(res.status).toBe(201);
    return cookieFrom(res);
  }
  const change = (cookie: string, current: string, password: string) =>
    call(changePassword, makeRequest("POST", "/api/admin/password", { body: { current, password }, cookie, headers: sameSite }));

  it("ends every other session, keeps the owner signed in with a new cookie, and only the new password logs in", async () => {
    const mine = await ownerSession();
    const other = cookieFrom(await tryLogin(OWNER_PASSWORD));
    expect((await articles(other)).status).toBe(200);

    const res = await change(mine, OWNER_PASSWORD, "a brand new password");
    expect(res.status).toBe(200);
    expect((await articles(other)).status).toBe(401);
    expect((await articles(mine)).status).toBe(401);
    expect((await articles(cookieFrom(res))).status).toBe(200);
    expect((await tryLogin(OWNER_PASSWORD)).status).toBe(401);
    expect((await tryLogin("a brand new password", "127.0.0.3")).status).toBe(200);
  });

  it("refuses a wrong current password (counted like a failed login) and a change while ADMIN_PASSWORD decides", async () => {
    const mine = await ownerSession();
    const wrong = await change(mine, "not my password", "a brand new password");
    expect(wrong.status).toBe(401);
    expect(await db().loginFailure.count()).toBe(1);
    process.env.ADMIN_PASSWORD = "password from the environment";
    const envCookie = cookieFrom(await tryLogin("password from the environment"));
    const res = await change(envCookie, "password from the environment", "a brand new password");
    expect(res.status).toBe(409);
    expect(res.json.error.message).toContain("ADMIN_PASSWORD");
  });

  it("lists live sessions and signs out every other browser on request", async () => {
    const mine = await ownerSession();
    const other = cookieFrom(await tryLogin(OWNER_PASSWORD));
    const list = await call(listSessions, makeRequest("GET", "/api/admin/sessions", { cookie: mine }));
    expect(list.json.items).toHaveLength(2);
    expect(list.json.items.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    const ended = await call(endOthers, makeRequest("DELETE", "/api/admin/sessions", { cookie: mine, headers: sameSite }));
    expect(ended.json.ended).toBe(1);
    expect((await articles(other)).status).toBe(401);
    expect((await articles(mine)).status).toBe(200);
  });
});
