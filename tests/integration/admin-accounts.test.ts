import { describe, expect, it } from "vitest";
import { GET as list, POST as create } from "@/app/api/admin/accounts/route";
import { PATCH as update, DELETE as remove } from "@/app/api/admin/accounts/[id]/route";
import { POST as upload } from "@/app/api/admin/qr-codes/route";
import { POST as addDevice } from "@/app/api/admin/devices/route";
import { PATCH as patchDevice } from "@/app/api/admin/devices/[id]/route";
import { GET as capacity } from "@/app/api/admin/capacity/route";
import { db } from "@/lib/db/client";
import { call } from "../support/http";
import { adminRequest, enableAdmin, uploadRequest } from "../support/admin";
import { ALIPAY_PAYLOAD, qrPng, WECHAT_PAYLOAD } from "../support/qr-images";
import { makeArticle, makeQr } from "../support/db";
import { order, phoneOnline } from "../support/matching";
import { makePhone } from "../support/accounts";

const req = (method: string, path: string, body?: unknown) => adminRequest("token", method, path, body === undefined ? {} : { body });
const addAccount = async (channel: string, name: string) => call(create, await req("POST", "/api/admin/accounts", { channel, name }));
const patch = async (id: string, body: unknown) => call(update, await req("PATCH", `/api/admin/accounts/${id}`, body), { id });
const del = async (id: string) => call(remove, await req("DELETE", `/api/admin/accounts/${id}`), { id });

describe("admin: receiving accounts", () => {
  it("lists one default account per channel on a fresh database, then adds and renames one", async () => {
    enableAdmin();
    const empty = await call(list, await req("GET", "/api/admin/accounts"));
    expect(empty.status).toBe(200);
    expect(empty.json.items.map((a: { channel: string; isDefault: boolean }) => [a.channel, a.isDefault])).toEqual([
      ["wechat", true],
      ["alipay", true],
    ]);
    const added = await addAccount("wechat", "家人的微信");
    expect(added.status).toBe(201);
    expect((await patch(added.json.id, { name: "小号" })).json.name).toBe("小号");
    const dup = await addAccount("wechat", "小号");
    expect(dup.status).toBe(409);
    expect(dup.json.error.message).toContain("小号");
  });

  it("answers 400 with a readable message for bad input", async () => {
    enableAdmin();
    const bad = await addAccount("paypal", "x");
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toContain("wechat");
    expect((await addAccount("wechat", "  ")).status).toBe(400);
    const a = await addAccount("wechat", "二号");
    expect((await patch(a.json.id, { isDefault: false })).status).toBe(400);
    expect((await patch("acct_nope", { enabled: false })).status).toBe(404);
  });

  it("refuses to disable the default (and only enabled) account with 409, and moves the default in one step", async () => {
    enableAdmin();
    await call(list, await req("GET", "/api/admin/accounts"));
    const only = await patch("acct_wechat", { enabled: false });
    expect(only.status).toBe(409);
    expect(only.json.error.message).toContain("唯一启用");
    const second = await addAccount("wechat", "二号");
    expect((await patch("acct_wechat", { enabled: false })).json.error.message).toContain("先把另一个");
    await makeQr("wechat"); // a code without an account: the old default's
    expect((await patch(second.json.id, { isDefault: true })).status).toBe(200);
    const defaults = await db().account.findMany({ where: { defaultFor: "wechat" } });
    expect(defaults.map((d) => d.id)).toEqual([second.json.id]);
    expect(await db().qrCode.count({ where: { accountId: "acct_wechat" } })).toBe(1);
    expect((await patch("acct_wechat", { enabled: false })).status).toBe(200);
    expect((await patch("acct_wechat", { isDefault: true })).status).toBe(409);
  });

  it("refuses to delete an account that codes, phones or orders name (disable it instead), deletes an unused one", async () => {
    enableAdmin();
    const unused = await addAccount("alipay", "空账户");
    expect((await del(unused.json.id)).status).toBe(200);
    expect((await del("acct_alipay")).status).toBe(409);
    const used = await addAccount("wechat", "有码的");
    await makeQr("wechat", null, { accountId: used.json.id });
    const refused = await del(used.json.id);
    expect(refused.status).toBe(409);
    expect(refused.json.error.message).toContain("停用");
    expect(await db().account.count({ where: { id: used.json.id } })).toBe(1);
  });

  it("uploads a code to the chosen account and refuses an account of the other channel", async () => {
    enableAdmin();
    const second = await addAccount("wechat", "二号");
    const ok = await call(
      upload,
      await uploadRequest("token", [{ name: "w.png", bytes: await qrPng(WECHAT_PAYLOAD) }], { accountId: second.json.id }),
    );
    expect(ok.status).toBe(201);
    expect(ok.json.items[0].accountId).toBe(second.json.id);
    const wrong = await call(
      upload,
      await uploadRequest("token", [{ name: "a.png", bytes: await qrPng(ALIPAY_PAYLOAD) }], { accountId: second.json.id }),
    );
    expect(wrong.status).toBe(400);
    expect(wrong.json.error.message).toContain("支付宝收款码");
    const plain = await call(upload, await uploadRequest("token", [{ name: "a.png", bytes: await qrPng(ALIPAY_PAYLOAD) }]));
    expect(plain.json.items[0].accountId).toBe("acct_alipay");
  });

  it("assigns a phone to an account on creation and later, and refuses an unknown account", async () => {
    enableAdmin();
    const second = await addAccount("wechat", "二号");
    const dev = await call(
      addDevice,
      await req("POST", "/api/admin/devices", { name: "二号手机", protocol: "native", accountId: second.json.id }),
    );
    expect(dev.status).toBe(201);
    expect(dev.json.device.accounts).toEqual([{ id: second.json.id, name: "二号", channel: "wechat", role: "primary" }]);
    const moved = await call(patchDevice, await req("PATCH", `/api/admin/devices/${dev.json.device.id}`, { accountId: null }), {
      id: dev.json.device.id,
    });
    expect(moved.json.accounts).toEqual([]);
    const unknown = await call(patchDevice, await req("PATCH", `/api/admin/devices/${dev.json.device.id}`, { accountId: "acct_nope" }), {
      id: dev.json.device.id,
    });
    expect(unknown.status).toBe(400);
  });

  it("shows capacity per account and in total, with the amounts each holds now", async () => {
    enableAdmin();
    const article = await makeArticle({ priceCents: 100 });
    await makeQr("wechat");
    await phoneOnline();
    const second = await addAccount("wechat", "二号");
    await makeQr("wechat", null, { accountId: second.json.id, payload: "wxp://f2f0second" });
    const offline = await addAccount("wechat", "三号");
    await makeQr("wechat", null, { accountId: offline.json.id, payload: "wxp://f2f0third" });
    await makePhone(second.json.id);
    await makePhone(offline.json.id, { online: false });
    await order(article.slug, { ip: "203.0.113.1" });
    await order(article.slug, { ip: "203.0.113.2" });
    const res = await call(capacity, await req("GET", "/api/admin/capacity"));
    const row = res.json.items.find((r: { channel: string }) => r.channel === "wechat");
    expect(row).toMatchObject({ capacity: 22, heldNow: 2 });
    expect(row.byAccount).toEqual([
      { accountId: "acct_wechat", usable: true, capacity: 11, heldNow: 1 },
      { accountId: second.json.id, usable: true, capacity: 11, heldNow: 1 },
      { accountId: offline.json.id, usable: false, capacity: 11, heldNow: 0 },
    ]);
    const accounts = await call(list, await req("GET", "/api/admin/accounts"));
    expect(accounts.json.items.find((a: { id: string }) => a.id === second.json.id)).toMatchObject({
      codes: 1,
      phones: [expect.objectContaining({ role: "primary", online: true })],
      heldNow: 1,
      online: true,
    });
    expect(accounts.json.items.find((a: { id: string }) => a.id === offline.json.id)).toMatchObject({ online: false });
  });
});

describe("admin: a phone's accounts and roles", () => {
  it("takes a list of accounts, one per channel, and a role for each", async () => {
    enableAdmin();
    const second = await addAccount("wechat", "二号");
    const dev = await call(
      addDevice,
      await req("POST", "/api/admin/devices", { name: "店员手机", protocol: "native", accountIds: [second.json.id, "acct_alipay"] }),
    );
    expect(dev.status).toBe(201);
    expect(dev.json.device.accounts.map((a: { id: string; role: string }) => [a.id, a.role])).toEqual([
      [second.json.id, "primary"],
      ["acct_alipay", "primary"],
    ]);
    const id = dev.json.device.id;
    const standby = await call(patchDevice, await req("PATCH", `/api/admin/devices/${id}`, { role: "standby" }), { id });
    expect(standby.json.accounts.map((a: { role: string }) => a.role)).toEqual(["standby", "standby"]);
    const mixed = await call(
      patchDevice,
      await req("PATCH", `/api/admin/devices/${id}`, { accounts: [{ id: second.json.id, role: "standby" }, { id: "acct_alipay" }] }),
      { id },
    );
    expect(mixed.json.accounts.map((a: { role: string }) => a.role)).toEqual(["standby", "primary"]);
  });

  it("refuses two accounts of one channel, an unknown role, and a role for a phone without accounts", async () => {
    enableAdmin();
    const second = await addAccount("wechat", "二号");
    const both = await call(
      addDevice,
      await req("POST", "/api/admin/devices", { name: "x", protocol: "native", accountIds: [second.json.id, "acct_wechat"] }),
    );
    expect(both.status).toBe(400);
    expect(both.json.error.message).toContain("每个渠道只能代表一个收款账户");
    const dev = await call(addDevice, await req("POST", "/api/admin/devices", { name: "y", protocol: "native" }));
    const id = dev.json.device.id;
    expect((await call(patchDevice, await req("PATCH", `/api/admin/devices/${id}`, { role: "backup" }), { id })).status).toBe(400);
    const lonely = await call(patchDevice, await req("PATCH", `/api/admin/devices/${id}`, { role: "standby" }), { id });
    expect(lonely.status).toBe(400);
    expect(lonely.json.error.message).toContain("先为这台手机指定收款账户");
  });
});
