import { afterEach, describe, expect, it } from "vitest";
import { isHttps, sameOrigin, siteOrigin } from "./origin";

const req = (headers: Record<string, string>, url = "http://127.0.0.1:3000/x") => new Request(url, { method: "POST", headers });
const forged = { host: "blog.example", "x-forwarded-proto": "https", "x-forwarded-host": "evil.example" };

afterEach(() => {
  delete process.env.TRUST_PROXY;
});

describe("request origin without TRUST_PROXY", () => {
  it("ignores client-sent X-Forwarded-Proto and X-Forwarded-Host", () => {
    expect(isHttps(req(forged))).toBe(false);
    expect(siteOrigin(req(forged))).toBe("http://blog.example");
    expect(siteOrigin(new Headers(forged))).toBe("http://blog.example");
  });

  it("does not let a forged X-Forwarded-Host make a cross-site Origin look same-origin", () => {
    expect(sameOrigin(req({ ...forged, origin: "https://evil.example" }))).toBe(false);
    expect(sameOrigin(req({ host: "blog.example", origin: "http://blog.example" }))).toBe(true);
  });

  it("takes https from the request URL itself", () => {
    expect(isHttps(req({ host: "blog.example" }, "https://blog.example/x"))).toBe(true);
  });
});

describe("request origin with TRUST_PROXY=1", () => {
  it("uses the proxy's first X-Forwarded-Proto and X-Forwarded-Host", () => {
    process.env.TRUST_PROXY = "1";
    const h = { host: "127.0.0.1:3000", "x-forwarded-proto": "https, http", "x-forwarded-host": "blog.example" };
    expect(isHttps(req(h))).toBe(true);
    expect(siteOrigin(new Headers(h))).toBe("https://blog.example");
    expect(sameOrigin(req({ ...h, origin: "https://blog.example" }))).toBe(true);
  });

  it("still answers Sec-Fetch-Site first", () => {
    expect(sameOrigin(req({ "sec-fetch-site": "cross-site", origin: "http://127.0.0.1:3000" }))).toBe(false);
    expect(sameOrigin(req({ "sec-fetch-site": "same-origin" }))).toBe(true);
  });
});
