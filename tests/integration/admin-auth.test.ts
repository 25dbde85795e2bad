import { describe, expect, it } from "vitest";
import { POST as login } from "@/app/api/admin/login/route";
import { POST as logout } from "@/app/api/admin/logout/route";
import { GET as listArticles, POST as createArticle } from "@/app/api/admin/articles/route";
import { ADMIN_COOKIE, ADMIN_SESSION_SECONDS } from "@/lib/auth/owner";
import { db } from "@/lib/db/client";
import { call, makeRequest } from "../support/http";
import { adminCookie, ADMIN_PASSWORD, ADMIN_TOKEN, enableAdmin } from "../support/admin";

const tryLogin = (password: string) => call(login, makeRequest("POST", "/api/admin/login", { body: { password } }));
const post = { slug: "a-post", title: "标题", priceCents: 100, markdown: "开头\n\n<!-- more -->\n\n正文", published: true };

describe("admin authentication", () => {
  it("explains how to enable the admin when no password is set, and has no default password", async () => {
    const res = await tryLogin("admin");
    expect(res.status).toBe(503);
    expect(res.json.error.code).toBe("admin_not_configured");
    expect(res.json.error.message).toContain("/admin/setup/");
    expect(res.json.error.message).toContain("ADMIN_PASSWORD");
    expect((await call(listArticles, makeRequest("GET", "/api/admin/articles"))).status).toBe(503);
  });

  it("treats a password shorter than 8 characters as not set", async () => {
    process.env.ADMIN_PASSWORD = "short";
    expect((await tryLogin("short")).status).toBe(503);
  });

  it("issues an httpOnly SameSite=Strict session cookie for the right password only", async () => {
    enableAdmin();
    expect((await tryLogin("wrong password")).status).toBe(401);
    const ok = await tryLogin(ADMIN_PASSWORD);
    expect(ok.status).toBe(200);
    const set = ok.headers.get("set-cookie")!;
    expect(set).toMatch(new RegExp(`^${ADMIN_COOKIE}=`));
    expect(set).toContain("HttpOnly");
    expect(set).toContain("SameSite=Strict");
    expect(set).toContain(`Max-Age=${ADMIN_SESSION_SECONDS}`);
  });

  it("answers 429 after five failed logins from one address, even for the right password", async () => {
    enableAdmin();
    for (let i = 0; i < 5; i++) expect((await tryLogin(`guess-${i}-xxxx`)).status).toBe(401);
    const blocked = await tryLogin(ADMIN_PASSWORD);
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get("retry-after")).toBeTruthy();
  });

  it("rejects an expired session and one issued before ADMIN_PASSWORD changed", async () => {
    enableAdmin();
    const cookie = await adminCookie();
    const list = () => call(listArticles, makeRequest("GET", "/api/admin/articles", { cookie }));
    expect((await list()).status).toBe(200);
    await db().adminSession.updateMany({ data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await list()).status).toBe(401);
    const fresh = await adminCookie();
    expect((await call(listArticles, makeRequest("GET", "/api/admin/articles", { cookie: fresh }))).status).toBe(200);
    process.env.ADMIN_PASSWORD = "a completely new password";
    expect((await call(listArticles, makeRequest("GET", "/api/admin/articles", { cookie: fresh }))).status).toBe(401);
  });

  it("accepts the bearer token, rejects a wrong one with 401, and works with only ADMIN_TOKEN set", async () => {
    process.env.ADMIN_TOKEN = ADMIN_TOKEN;
    const ok = await call(listArticles, makeRequest("GET", "/api/admin/articles", { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } }));
    expect(ok.status).toBe(200);
    const wrong = await call(listArticles, makeRequest("GET", "/api/admin/articles", { headers: { authorization: "Bearer nope" } }));
    expect(wrong.status).toBe(401);
    expect(wrong.json.error.code).toBe("unauthorized");
    expect((await call(listArticles, makeRequest("GET", "/api/admin/articles"))).status).toBe(401);
  });

  it("refuses a cross-site state change made with the session cookie (CSRF) but allows same-origin", async () => {
    enableAdmin();
    const cookie = await adminCookie();
    const cross = await call(
      createArticle,
      makeRequest("POST", "/api/admin/articles", { body: post, cookie, headers: { "sec-fetch-site": "cross-site" } }),
    );
    expect(cross.status).toBe(403);
    const foreignOrigin = await call(
      createArticle,
      makeRequest("POST", "/api/admin/articles", { body: post, cookie, headers: { origin: "https://evil.example" } }),
    );
    expect(foreignOrigin.status).toBe(403);
    const same = await call(
      createArticle,
      makeRequest("POST", "/api/admin/articles", { body: post, cookie, headers: { origin: "http://localhost:3000" } }),
    );
    expect(same.status).toBe(201);
  });

  it("logs out by deleting the session on the server: a copy of the cookie no longer works, and a cross-site logout is refused", async () => {
    enableAdmin();
    const cookie = await adminCookie();
    const stolenCopy = cookie;
    const cross = await call(logout, makeRequest("POST", "/api/admin/logout", { cookie, headers: { "sec-fetch-site": "cross-site" } }));
    expect(cross.status).toBe(403);
    expect((await call(listArticles, makeRequest("GET", "/api/admin/articles", { cookie: stolenCopy }))).status).toBe(200);
    const out = await call(logout, makeRequest("POST", "/api/admin/logout", { cookie, headers: { "sec-fetch-site": "same-origin" } }));
    expect(out.headers.get("set-cookie")).toMatch(/Max-Age=0/);
    expect((await call(listArticles, makeRequest("GET", "/api/admin/articles", { cookie: stolenCopy }))).status).toBe(401);
    expect(await db().adminSession.count()).toBe(0);
  });

  it("marks the session cookie Secure over HTTPS, also behind a trusted proxy, but not for a forged X-Forwarded-Proto", async () => {
    enableAdmin();
    const body = { password: ADMIN_PASSWORD };
    const direct = await call(
      login,
      new Request("https://blog.example/api/admin/login", {
        method: "POST",
        headers: { "content-type": "application/json", "x-paywall-peer": "127.0.0.1" },
        body: JSON.stringify(body),
      }),
    );
    expect(direct.headers.get("set-cookie")).toContain("Secure");
    const viaProxy = () => call(login, makeRequest("POST", "/api/admin/login", { body, headers: { "x-forwarded-proto": "https" } }));
    expect((await viaProxy()).headers.get("set-cookie")).not.toContain("Secure");
    process.env.TRUST_PROXY = "1";
    expect((await viaProxy()).headers.get("set-cookie")).toContain("Secure");
  });
});
