import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "./api";
import { sendDemoPayment } from "./demo-pay";

const reply = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

afterEach(() => vi.unstubAllGlobals());

describe("the demo payment", () => {
  it("throws the server's message when /api/notify refuses the signed notification", async () => {
    const fetchMock = vi
      .fn()
      .mockResolvedValueOnce(reply(200, { url: "/api/notify", headers: { "webhook-id": "m1" }, body: "{}" }))
      .mockResolvedValueOnce(reply(401, { error: { code: "bad_signature", message: "签名无效：请检查设备密钥。" } }));
    vi.stubGlobal("fetch", fetchMock);
    const err = await sendDemoPayment("o1").catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 401, code: "bad_signature", message: "签名无效：请检查设备密钥。" });
    expect(fetchMock.mock.calls[1][0]).toBe("/api/notify");
    expect(fetchMock.mock.calls[1][1]).toMatchObject({ method: "POST", body: "{}" });
  });

  it("throws the server's message when demo mode is over", async () => {
    vi.stubGlobal("fetch", vi.fn().mockResolvedValueOnce(reply(403, { error: { code: "forbidden", message: "演示付款已关闭。" } })));
    await expect(sendDemoPayment("o1")).rejects.toMatchObject({ code: "forbidden", message: "演示付款已关闭。" });
  });

  it("resolves when the notification was accepted", async () => {
    vi.stubGlobal(
      "fetch",
      vi
        .fn()
        .mockResolvedValueOnce(reply(200, { url: "/api/notify", headers: {}, body: "{}" }))
        .mockResolvedValueOnce(reply(200, { result: "matched", orderId: "o1" })),
    );
    await expect(sendDemoPayment("o1")).resolves.toBeUndefined();
  });
});
