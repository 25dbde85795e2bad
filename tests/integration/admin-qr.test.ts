import { describe, expect, it } from "vitest";
import { GET as list, POST as upload } from "@/app/api/admin/qr-codes/route";
import { PATCH as update, DELETE as remove } from "@/app/api/admin/qr-codes/[id]/route";
import { db } from "@/lib/db/client";
import { call, makeRequest } from "../support/http";
import { adminRequest, enableAdmin, uploadRequest, type Via } from "../support/admin";
import { ALIPAY_PAYLOAD, blankPng, qrJpeg, qrPng, WECHAT_PAYLOAD } from "../support/qr-images";

describe.each<Via>(["session", "token"])("QR code upload (via %s)", (via) => {
  it("decodes a WeChat PNG and an Alipay JPEG, stores only the payload and returns it", async () => {
    enableAdmin();
    const res = await call(
      upload,
      await uploadRequest(via, [
        { name: "wechat.png", bytes: await qrPng(WECHAT_PAYLOAD) },
        { name: "alipay.jpg", bytes: await qrJpeg(ALIPAY_PAYLOAD), type: "image/jpeg" },
      ]),
    );
    expect(res.status).toBe(201);
    expect(res.json.items).toMatchObject([
      { channel: "wechat", payload: WECHAT_PAYLOAD, amountCents: null, enabled: true },
      { channel: "alipay", payload: ALIPAY_PAYLOAD, amountCents: null, enabled: true },
    ]);
    const listed = await call(list, await adminRequest(via, "GET", "/api/admin/qr-codes"));
    expect(listed.json.items).toHaveLength(2);
  });

  it("takes a fixed amount from a file name like 0.99.png, or from amountCents", async () => {
    enableAdmin();
    const named = await call(upload, await uploadRequest(via, [{ name: "0.99.png", bytes: await qrPng(`${WECHAT_PAYLOAD}99`) }]));
    expect(named.json.items[0].amountCents).toBe(99);
    const field = await call(
      upload,
      await uploadRequest(via, [{ name: "code.png", bytes: await qrPng(`${WECHAT_PAYLOAD}150`) }], {
        amountCents: "150",
        channel: "wechat",
      }),
    );
    expect(field.json.items[0]).toMatchObject({ amountCents: 150, channel: "wechat" });
    const photo = await call(upload, await uploadRequest(via, [{ name: "IMG_20240101.png", bytes: await qrPng(`${WECHAT_PAYLOAD}x`) }]));
    expect(photo.json.items[0].amountCents).toBeNull();
  });

  it("updates enabled and label, then deletes", async () => {
    enableAdmin();
    const up = await call(upload, await uploadRequest(via, [{ name: "a.png", bytes: await qrPng(WECHAT_PAYLOAD) }]));
    const id = up.json.items[0].id;
    const patched = await call(
      update,
      await adminRequest(via, "PATCH", `/api/admin/qr-codes/${id}`, { body: { enabled: false, label: "备用" } }),
      { id },
    );
    expect(patched.json).toMatchObject({ enabled: false, label: "备用", amountCents: null });
    const gone = await call(remove, await adminRequest(via, "DELETE", `/api/admin/qr-codes/${id}`), { id });
    expect(gone.status).toBe(200);
    expect(await db().qrCode.count()).toBe(0);
  });
});

describe("QR code upload refusals", () => {
  it("refuses every QR route without credentials (401)", async () => {
    enableAdmin();
    expect((await call(list, makeRequest("GET", "/api/admin/qr-codes"))).status).toBe(401);
    const form = new FormData();
    form.append("files", new Blob([new Uint8Array(await qrPng(WECHAT_PAYLOAD))]), "a.png");
    expect((await call(upload, new Request("http://localhost:3000/api/admin/qr-codes", { method: "POST", body: form }))).status).toBe(401);
    expect((await call(update, makeRequest("PATCH", "/api/admin/qr-codes/x", { body: { enabled: false } }), { id: "x" })).status).toBe(401);
    expect((await call(remove, makeRequest("DELETE", "/api/admin/qr-codes/x"), { id: "x" })).status).toBe(401);
  });

  it("answers 422 naming the file for junk, a blank image and a QR code that is not a receiving code, storing nothing", async () => {
    enableAdmin();
    const cases = [
      { name: "notes.txt", bytes: Buffer.from("hello, not an image") },
      { name: "blank.png", bytes: blankPng() },
      { name: "site.png", bytes: await qrPng("https://example.com/pay") },
      { name: "broken.png", bytes: (await qrPng(WECHAT_PAYLOAD)).subarray(0, 200) },
    ];
    for (const c of cases) {
      const res = await call(upload, await uploadRequest("token", [{ name: "good.png", bytes: await qrPng(WECHAT_PAYLOAD) }, c]));
      expect(res.status, c.name).toBe(422);
      expect(res.json.error.message).toContain(c.name);
    }
    expect(await db().qrCode.count()).toBe(0);
  });

  it("answers 400 for a channel that contradicts the code, a bad amount or no files", async () => {
    enableAdmin();
    const png = await qrPng(WECHAT_PAYLOAD);
    const mismatch = await call(upload, await uploadRequest("token", [{ name: "wx.png", bytes: png }], { channel: "alipay" }));
    expect(mismatch.status).toBe(400);
    expect(mismatch.json.error.message).toContain("wx.png");
    expect((await call(upload, await uploadRequest("token", [{ name: "wx.png", bytes: png }], { amountCents: "0.5" }))).status).toBe(400);
    expect((await call(upload, await uploadRequest("token", [{ name: "wx.png", bytes: png }], { channel: "paypal" }))).status).toBe(400);
    expect((await call(upload, await uploadRequest("token", []))).status).toBe(400);
    const notMultipart = await call(upload, await adminRequest("token", "POST", "/api/admin/qr-codes", { body: { files: [] } }));
    expect(notMultipart.status).toBe(400);
  });

  it("answers 409 for a code that was already uploaded", async () => {
    enableAdmin();
    const png = await qrPng(WECHAT_PAYLOAD);
    expect((await call(upload, await uploadRequest("token", [{ name: "a.png", bytes: png }]))).status).toBe(201);
    const again = await call(upload, await uploadRequest("token", [{ name: "again.png", bytes: png }]));
    expect(again.status).toBe(409);
    expect(again.json.error.message).toContain("again.png");
  });

  it("answers 413 for an oversized file", async () => {
    enableAdmin();
    const big = Buffer.concat([await qrPng(WECHAT_PAYLOAD), Buffer.alloc(6 * 1024 * 1024)]);
    const res = await call(upload, await uploadRequest("token", [{ name: "huge.png", bytes: big }]));
    expect(res.status).toBe(413);
    expect(res.json.error.message).toContain("huge.png");
  });

  it("answers 404 for an unknown id and 400 for a bad patch", async () => {
    enableAdmin();
    expect(
      (await call(update, await adminRequest("token", "PATCH", "/api/admin/qr-codes/nope", { body: { enabled: true } }), { id: "nope" }))
        .status,
    ).toBe(404);
    expect((await call(remove, await adminRequest("token", "DELETE", "/api/admin/qr-codes/nope"), { id: "nope" })).status).toBe(404);
    expect(
      (await call(update, await adminRequest("token", "PATCH", "/api/admin/qr-codes/nope", { body: { amountCents: -5 } }), { id: "nope" }))
        .status,
    ).toBe(400);
  });
});
