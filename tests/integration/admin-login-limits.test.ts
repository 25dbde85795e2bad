import { describe, expect, it, vi } from "vitest";
import { POST as login } from "@/app/api/admin/login/route";
import { GET as listArticles } from "@/app/api/admin/articles/route";
import { call, makeRequest } from "../support/http";
import { ADMIN_PASSWORD, ADMIN_TOKEN, enableAdmin } from "../support/admin";
import { db } from "@/lib/db/client";
import { TURN_INTERVAL_MS } from "@/lib/auth/login-limit";

const tryLogin = (password: string, ip: string) =>
  call(login, makeRequest("POST", "/api/admin/login", { body: { password }, headers: { "x-paywall-peer": ip } }));
const withBearer = (token: string, ip = "198.51.100.20") =>
  call(listArticles, makeRequest("GET", "/api/admin/articles", { headers: { authorization: `Bearer ${token}`, "x-paywall-peer": ip } }));

describe("admin login limits", () => {
  it("backs off one address after five failures: 429 with Retry-After even for the right password, longer after each further failure", async () => {
    enableAdmin();
    for (let i = 0; i < 5; i++) expect((await tryLogin(`guess-${i}`, "203.0.113.7")).status).toBe(401);
    const blocked = await tryLogin(ADMIN_PASSWORD, "203.0.113.7");
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(50);
    expect(Number(blocked.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    // Another address is not affected.
    expect((await tryLogin(ADMIN_PASSWORD, "203.0.113.8")).status).toBe(200);
    // A sixth failure after the wait doubles it.
    await db().loginFailure.updateMany({ data: { createdAt: new Date(Date.now() - 61_000) } });
    expect((await tryLogin("guess-5", "203.0.113.7")).status).toBe(401);
    expect(Number((await tryLogin(ADMIN_PASSWORD, "203.0.113.7")).headers.get("retry-after"))).toBeGreaterThan(110);
  });

  it("cannot lock the owner out from ten addresses: past 50 failures logins take turns, and the right password still gets in after a short wait", async () => {
    enableAdmin();
    for (let a = 0; a < 10; a++) {
      for (let i = 0; i < 5; i++) expect((await tryLogin(`guess-${a}-${i}`, `203.0.113.${a}`)).status).toBe(401);
    }
    // The attackers keep trying: every one of their addresses is in backoff and gets no turn.
    for (let a = 0; a < 10; a++) expect((await tryLogin(`again-${a}`, `203.0.113.${a}`)).status).toBe(429);
    const started = Date.now();
    const [first, second] = await Promise.all([tryLogin(ADMIN_PASSWORD, "198.51.100.99"), tryLogin(ADMIN_PASSWORD, "198.51.100.98")]);
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    // The two checks took turns: the later one waited for the next turn.
    expect(Date.now() - started).toBeGreaterThanOrEqual(TURN_INTERVAL_MS - 100);
    expect((await withBearer(ADMIN_TOKEN)).status).toBe(200);
  });

  it("counts failures of one IPv6 /64 together", async () => {
    enableAdmin();
    for (let i = 0; i < 5; i++) expect((await tryLogin(`guess-${i}`, `2001:db8:5:5::${i + 1}`)).status).toBe(401);
    expect((await tryLogin(ADMIN_PASSWORD, "2001:db8:5:5::99")).status).toBe(429);
    expect((await tryLogin(ADMIN_PASSWORD, "2001:db8:5:6::1")).status).toBe(200);
  });

  it("counts wrong bearer tokens toward the per-address limit: the sixth request from that address gets 429, even with the right token", async () => {
    enableAdmin();
    for (let i = 0; i < 5; i++) expect((await withBearer(`wrong-token-${i}`)).status).toBe(401);
    const blocked = await withBearer(ADMIN_TOKEN);
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get("retry-after")).toBeTruthy();
    expect((await withBearer(ADMIN_TOKEN, "198.51.100.21")).status).toBe(200);
    expect((await tryLogin(ADMIN_PASSWORD, "198.51.100.20")).status).toBe(429);
  });

  it("treats an ADMIN_TOKEN shorter than 24 characters as not set, and warns once", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    process.env.ADMIN_PASSWORD = ADMIN_PASSWORD;
    process.env.ADMIN_TOKEN = "short-token-23-chars-xx";
    expect((await withBearer("short-token-23-chars-xx", "198.51.100.30")).status).toBe(401);
    expect((await withBearer("short-token-23-chars-xx", "198.51.100.31")).status).toBe(401);
    expect(warn.mock.calls.filter((c) => String(c[0]).includes("ADMIN_TOKEN"))).toHaveLength(1);
    process.env.ADMIN_TOKEN = "long-enough-token-24-chr";
    expect((await withBearer("long-enough-token-24-chr", "198.51.100.32")).status).toBe(200);
    warn.mockRestore();
  });
});
