import { createServer } from "node:http";
import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { GET as listAudit } from "@/app/api/admin/notifications/route";
import { POST as notify } from "@/app/(phone)/api/notify/route";
import { GET as appPush } from "@/app/(phone)/appPush/route";
import { db } from "@/lib/db/client";
import { call, makeRequest } from "../support/http";
import { signedNotify, TEST_SECRET, VMQ_KEY, vmqRequest, wechatReceipt } from "../support/notify";
import { openOrder, orderStatus } from "../support/orders";

const TOKEN = "admin-token-for-tests-0123456789";
const admin = (qs = "") => makeRequest("GET", `/api/admin/notifications${qs}`, { headers: { authorization: `Bearer ${TOKEN}` } });

describe("audit log (GET /api/admin/notifications)", () => {
  it("lists every notifier request newest first, filtered by outcome and protocol", async () => {
    process.env.ADMIN_TOKEN = TOKEN;
    process.env.NOTIFY_SECRET = TEST_SECRET;
    process.env.VMQ_KEY = VMQ_KEY;
    await openOrder();
    await call(notify, signedNotify(wechatReceipt(100)));
    await call(notify, signedNotify(wechatReceipt(100), { secret: `whsec_${Buffer.from("wrong wrong wrong").toString("base64")}` }));
    await call(appPush, vmqRequest("push", { price: "3.00" }));

    const all = await call(listAudit, admin());
    expect(all.status).toBe(200);
    expect(all.json.items.map((i: { outcome: string }) => i.outcome)).toEqual(["unmatched", "rejected", "matched"]);
    const matched = all.json.items[2];
    expect(matched).toMatchObject({
      protocol: "native",
      verifyResult: "ok",
      parseResult: { channel: "wechat", amountCents: 100 },
      payment: { status: "matched" },
    });
    expect(matched.headers["webhook-id"]).toMatch(/^msg_/);
    expect(JSON.parse(matched.body).content).toContain("1.00元");

    const rejected = await call(listAudit, admin("?outcome=rejected"));
    expect(rejected.json.items).toHaveLength(1);
    expect(rejected.json.items[0].verifyResult).toBe("bad_signature");
    const vmq = await call(listAudit, admin("?protocol=vmq&limit=1"));
    expect(vmq.json.items.map((i: { protocol: string }) => i.protocol)).toEqual(["vmq"]);
    expect(vmq.json.next).toBeTruthy();
  });

  it("requires the admin and validates the filters", async () => {
    process.env.ADMIN_TOKEN = TOKEN;
    process.env.ADMIN_PASSWORD = "owner-password";
    expect((await call(listAudit, makeRequest("GET", "/api/admin/notifications"))).status).toBe(401);
    expect((await call(listAudit, admin("?outcome=bogus"))).status).toBe(400);
    expect((await call(listAudit, admin("?limit=0"))).status).toBe(400);
  });
});

describe("npm run notify against a live handler", () => {
  it("sends a signed notification that settles an order and prints the answer", async () => {
    process.env.NOTIFY_SECRET = TEST_SECRET;
    const o = await openOrder("alipay", 99);
    // A tiny HTTP server in front of the real route handler, so the script talks HTTP.
    const server = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
      const r = await notify(new Request(`http://127.0.0.1${req.url}`, { method: req.method, headers, body: Buffer.concat(chunks) }), {
        params: Promise.resolve({}),
      });
      res.writeHead(r.status, { "content-type": "application/json" }).end(await r.text());
    });
    await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
    const port = (server.address() as { port: number }).port;
    const root = path.resolve(import.meta.dirname, "../..");
    const out = await new Promise<{ code: number | null; stdout: string }>((ok) => {
      const child = spawn(
        path.join(root, "node_modules/.bin/tsx"),
        ["scripts/notify.ts", "--channel", "alipay", "--amount", "0.99", "--url", `http://127.0.0.1:${port}`],
        {
          cwd: root,
          env: { ...process.env, NOTIFY_SECRET: TEST_SECRET },
        },
      );
      let stdout = "";
      child.stdout.on("data", (d) => (stdout += d));
      child.on("close", (code) => ok({ code, stdout }));
    });
    server.close();
    expect(out.code).toBe(0);
    expect(out.stdout).toContain(`200 {"result":"matched","orderId":"${o.id}"}`);
    expect(await orderStatus(o.id)).toBe("paid");
    expect(await db().notification.count()).toBe(1);
  });
});

describe("audit log retention", () => {
  it("deletes heartbeats older than a week and keeps receipts and recent heartbeats", async () => {
    const { pruneHeartbeats } = await import("@/lib/notify/audit");
    const old = new Date(Date.now() - 8 * 24 * 3600 * 1000);
    const row = (id: string, outcome: string, receivedAt: Date) =>
      db().notification.create({
        data: { id, protocol: "native", method: "POST", path: "/api/notify", headers: "{}", body: "{}", outcome, receivedAt },
      });
    await row("old-heartbeat", "heartbeat", old);
    await row("new-heartbeat", "heartbeat", new Date());
    await row("old-receipt", "unmatched", old);
    expect(await pruneHeartbeats()).toBe(1);
    const left = (await db().notification.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((r) => r.id);
    expect(left).toEqual(["new-heartbeat", "old-receipt"]);
  });
});
