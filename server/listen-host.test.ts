import { describe, expect, it } from "vitest";
import { listenHost } from "./listen-host";

describe("where npm start listens", () => {
  it("listens on every interface without a proxy, as before", () => {
    expect(listenHost({})).toEqual({ host: "0.0.0.0", warning: null });
  });

  it("listens on 127.0.0.1 by default with TRUST_PROXY=1, so nobody can reach it past the proxy", () => {
    expect(listenHost({ TRUST_PROXY: "1" })).toEqual({ host: "127.0.0.1", warning: null });
    expect(listenHost({ TRUST_PROXY: "true", HOST: "" })).toEqual({ host: "127.0.0.1", warning: null });
  });

  it("lets HOST override, warning when the address is reachable from outside", () => {
    expect(listenHost({ TRUST_PROXY: "1", HOST: "::1" })).toEqual({ host: "::1", warning: null });
    expect(listenHost({ TRUST_PROXY: "1", HOST: "localhost" }).warning).toBeNull();
    const open = listenHost({ TRUST_PROXY: "1", HOST: "0.0.0.0" });
    expect(open.host).toBe("0.0.0.0");
    expect(open.warning).toMatch(/X-Forwarded-For/);
    expect(listenHost({ TRUST_PROXY: "1", HOST: "10.0.0.5" }).warning).toMatch(/127\.0\.0\.1/);
    expect(listenHost({ HOST: "0.0.0.0" }).warning).toBeNull();
  });
});
