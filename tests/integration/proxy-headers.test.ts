import { describe, expect, it } from "vitest";
import { POST as login } from "@/app/api/admin/login/route";
import { POST as addDevice } from "@/app/api/admin/devices/route";
import { call, makeRequest } from "../support/http";
import { adminCookie, ADMIN_PASSWORD, enableAdmin } from "../support/admin";

const loginWith = (headers: Record<string, string>) =>
  call(login, makeRequest("POST", "/api/admin/login", { body: { password: ADMIN_PASSWORD }, headers }));

describe("forwarded headers are trusted only with TRUST_PROXY=1", () => {
  it("marks the admin cookie Secure from X-Forwarded-Proto only behind a trusted proxy", async () => {
    enableAdmin();
    expect((await loginWith({ "x-forwarded-proto": "https" })).headers.get("set-cookie")).not.toMatch(/Secure/);
    process.env.TRUST_PROXY = "1";
    expect((await loginWith({ "x-forwarded-proto": "https" })).headers.get("set-cookie")).toMatch(/; Secure/);
  });

  it("refuses a cross-site admin POST that forges X-Forwarded-Host to match its Origin", async () => {
    enableAdmin();
    const cookie = await adminCookie();
    const forged = makeRequest("POST", "/api/admin/devices", {
      cookie,
      body: { name: "x", protocol: "native" },
      headers: { origin: "https://evil.example", "x-forwarded-host": "evil.example" },
    });
    const res = await call(addDevice, forged);
    expect(res.status).toBe(403);
  });

  it("builds device setup URLs from the proxy's host and scheme behind a trusted proxy", async () => {
    enableAdmin();
    process.env.TRUST_PROXY = "1";
    const req = makeRequest("POST", "/api/admin/devices", {
      cookie: await adminCookie(),
      body: { name: "x", protocol: "native" },
      headers: { "sec-fetch-site": "same-origin", "x-forwarded-host": "blog.example", "x-forwarded-proto": "https" },
    });
    const res = await call(addDevice, req);
    expect(res.json.setup.url).toBe("https://blog.example/api/notify");
  });
});
