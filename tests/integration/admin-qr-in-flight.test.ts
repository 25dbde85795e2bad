import { describe, expect, it, beforeEach } from "vitest";
import { PATCH as update, DELETE as remove } from "@/app/api/admin/qr-codes/[id]/route";
import { db } from "@/lib/db/client";
import { call } from "../support/http";
import { adminRequest, enableAdmin } from "../support/admin";
import { makeArticle, makeQr } from "../support/db";
import { age, order, phoneOnline } from "../support/matching";

// Real receiving codes are handed out only once a notifier is configured (demo mode uses demo codes).
beforeEach(async () => {
  await phoneOnline();
});

const patch = async (id: string, body: unknown) =>
  call(update, await adminRequest("token", "PATCH", `/api/admin/qr-codes/${id}`, { body }), { id });
const del = async (id: string) => call(remove, await adminRequest("token", "DELETE", `/api/admin/qr-codes/${id}`), { id });

describe("QR codes with orders in flight", () => {
  it("refuses to change a code's amount through PATCH (400, delete and re-upload instead) and keeps the amount", async () => {
    enableAdmin();
    const fixed = await makeQr("wechat", 100);
    const universal = await makeQr("alipay");
    const res = await patch(fixed.id, { amountCents: 99 });
    expect(res.status).toBe(400);
    expect(res.json.error.message).toContain("重新上传");
    expect((await patch(universal.id, { amountCents: 100 })).status).toBe(400);
    expect((await patch(fixed.id, { amountCents: null })).status).toBe(400);
    expect((await db().qrCode.findUniqueOrThrow({ where: { id: fixed.id } })).amountCents).toBe(100);
    // Sending the unchanged amount back (a form that posts every field) is fine.
    expect((await patch(fixed.id, { amountCents: 100, label: "一元码" })).status).toBe(200);
  });

  it("refuses to delete a code while an order showing it holds a slot (409, suggests disabling), allows disabling, and deletes once the slot is released", async () => {
    enableAdmin();
    const article = await makeArticle();
    const qr = await makeQr("wechat");
    const o = await order(article.slug);
    expect(o.status).toBe(201);
    const res = await del(qr.id);
    expect(res.status).toBe(409);
    expect(res.json.error.message).toContain("停用");
    expect((await patch(qr.id, { enabled: false })).status).toBe(200);
    expect((await db().order.findUniqueOrThrow({ where: { id: o.json.id } })).qrCodeId).toBe(qr.id);
    await age(o.json.id, 3600);
    expect((await del(qr.id)).status).toBe(200);
    expect(await db().qrCode.count()).toBe(0);
  });
});
