import { describe, expect, it } from "vitest";
import { GET as list, POST as create } from "@/app/api/admin/devices/route";
import { PATCH as update, DELETE as remove } from "@/app/api/admin/devices/[id]/route";
import { POST as rotate } from "@/app/api/admin/devices/[id]/rotate/route";
import { POST as notify } from "@/app/(phone)/api/notify/route";
import { db } from "@/lib/db/client";
import { ensureDemoDevice } from "@/lib/devices/registry";
import { isDemoMode } from "@/lib/devices/demo-mode";
import { call, makeRequest } from "../support/http";
import { adminRequest, enableAdmin, type Via } from "../support/admin";
import { signedNotify, TEST_SECRET } from "../support/notify";

async function addDevice(via: Via, body: unknown = { name: "备用机", protocol: "native" }) {
  return call(create, await adminRequest(via, "POST", "/api/admin/devices", { body }));
}

const heartbeat = (deviceid: string, secret: string) => call(notify, signedNotify({ deviceid, type: "heartbeat" }, { secret }));

describe.each<Via>(["session", "token"])("admin devices API (via %s)", (via) => {
  it("creates a native device whose secret is shown once and verifies its heartbeats", async () => {
    enableAdmin();
    const res = await addDevice(via);
    expect(res.status).toBe(201);
    expect(res.json.secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(Buffer.from(res.json.secret.slice(6), "base64")).toHaveLength(24);
    expect(res.json.setup.url).toBe("http://localhost:3000/api/notify");
    expect(res.json.setup.text).toContain(res.json.secret);
    const listed = await call(list, await adminRequest(via, "GET", "/api/admin/devices"));
    expect(listed.json.items).toMatchObject([{ id: res.json.device.id, name: "备用机", online: false, enabled: true }]);
    expect(listed.text).not.toContain(res.json.secret);

    expect((await heartbeat(res.json.device.id, res.json.secret)).status).toBe(200);
    const after = await call(list, await adminRequest(via, "GET", "/api/admin/devices"));
    expect(after.json.items[0].online).toBe(true);
    expect(after.json.items[0].lastSeenAt).toBeTruthy();
  });

  it("rotates the secret: the old one stops working, the new one works", async () => {
    enableAdmin();
    const dev = (await addDevice(via)).json;
    const rotated = await call(rotate, await adminRequest(via, "POST", `/api/admin/devices/${dev.device.id}/rotate`), {
      id: dev.device.id,
    });
    expect(rotated.status).toBe(200);
    expect(rotated.json.secret).not.toBe(dev.secret);
    expect((await heartbeat(dev.device.id, dev.secret)).status).toBe(401);
    expect((await heartbeat(dev.device.id, rotated.json.secret)).status).toBe(200);
  });

  it("disables, re-enables and deletes a device", async () => {
    enableAdmin();
    const dev = (await addDevice(via)).json;
    const id = dev.device.id;
    const off = await call(update, await adminRequest(via, "PATCH", `/api/admin/devices/${id}`, { body: { enabled: false } }), { id });
    expect(off.json.enabled).toBe(false);
    expect((await heartbeat(id, dev.secret)).status).toBe(401);
    await call(update, await adminRequest(via, "PATCH", `/api/admin/devices/${id}`, { body: { enabled: true } }), { id });
    expect((await heartbeat(id, dev.secret)).status).toBe(200);
    expect((await call(remove, await adminRequest(via, "DELETE", `/api/admin/devices/${id}`), { id })).status).toBe(200);
    expect(await db().device.count({ where: { id } })).toBe(0);
  });
});

describe("admin devices API rules", () => {
  it("gives SmsForwarder and V免签 devices URL-safe keys and their ready-made setup", async () => {
    enableAdmin();
    const sms = (await addDevice("token", { name: "短信转发", protocol: "smsforwarder" })).json;
    expect(sms.secret).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(sms.setup.url).toBe("http://localhost:3000/api/notify/smsforwarder");
    expect(JSON.parse(sms.setup.text)).toMatchObject({ deviceid: sms.device.id, org_content: "[org_content]", sign: "[sign]" });
    const vmq = (await addDevice("token", { name: "V免签", protocol: "vmq" })).json;
    expect(vmq.secret).toMatch(/^[0-9a-f]{32}$/);
    expect(vmq.setup.text).toBe(`localhost:3000/${vmq.secret}`);
    expect(vmq.setup.qr).toBe(vmq.setup.text);
  });

  it("turns demo mode off when a real device is added, and never lists the demo device", async () => {
    enableAdmin();
    expect(await isDemoMode()).toBe(true);
    await ensureDemoDevice();
    await addDevice("token");
    expect(await isDemoMode()).toBe(false);
    const listed = await call(list, await adminRequest("token", "GET", "/api/admin/devices"));
    expect(listed.json.items.map((d: { kind: string }) => d.kind)).toEqual(["normal"]);
  });

  it("lists the NOTIFY_SECRET device but refuses to rotate, disable or delete it (409)", async () => {
    enableAdmin();
    process.env.NOTIFY_SECRET = TEST_SECRET;
    const listed = await call(list, await adminRequest("token", "GET", "/api/admin/devices"));
    expect(listed.json.items).toMatchObject([{ id: "default", kind: "bootstrap" }]);
    expect((await call(rotate, await adminRequest("token", "POST", "/api/admin/devices/default/rotate"), { id: "default" })).status).toBe(
      409,
    );
    expect(
      (
        await call(update, await adminRequest("token", "PATCH", "/api/admin/devices/default", { body: { enabled: false } }), {
          id: "default",
        })
      ).status,
    ).toBe(409);
    expect((await call(remove, await adminRequest("token", "DELETE", "/api/admin/devices/default"), { id: "default" })).status).toBe(409);
  });

  it("answers 400 for a bad protocol or empty name, 404 for unknown or demo ids, 401 without credentials", async () => {
    enableAdmin();
    expect((await addDevice("token", { name: "x", protocol: "telegram" })).status).toBe(400);
    expect((await addDevice("token", { name: "  ", protocol: "native" })).status).toBe(400);
    await ensureDemoDevice();
    for (const id of ["nope", "demo"]) {
      expect((await call(rotate, await adminRequest("token", "POST", `/api/admin/devices/${id}/rotate`), { id })).status).toBe(404);
      expect((await call(remove, await adminRequest("token", "DELETE", `/api/admin/devices/${id}`), { id })).status).toBe(404);
    }
    expect((await call(list, makeRequest("GET", "/api/admin/devices"))).status).toBe(401);
    expect((await call(create, makeRequest("POST", "/api/admin/devices", { body: { name: "x" } }))).status).toBe(401);
    expect((await call(update, makeRequest("PATCH", "/api/admin/devices/x", { body: {} }), { id: "x" })).status).toBe(401);
    expect((await call(rotate, makeRequest("POST", "/api/admin/devices/x/rotate"), { id: "x" })).status).toBe(401);
    expect((await call(remove, makeRequest("DELETE", "/api/admin/devices/x"), { id: "x" })).status).toBe(401);
  });
});
