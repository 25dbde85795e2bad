/**
 * The site behind the reverse proxies an owner copies from deploy/: Debian's caddy (internal TLS
 * on loopback) and nginx (a self-signed certificate), each in front of the built site with
 * TRUST_PROXY=1. Through each: the pay loop completes over HTTPS in Chromium, cookies are Secure
 * and HSTS is sent, the pushed unlock arrives without buffering, the phone's notify works, rate
 * limits see the reader's own address (not the proxy's, and not a forged X-Forwarded-For), large
 * image uploads pass, V免签's plain-HTTP paths are served and everything else goes to HTTPS.
 */
import { randomBytes } from "node:crypto";
import path from "node:path";
import Database from "better-sqlite3";
import { PNG } from "pngjs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "./support/browser";
import { startSite, type RunningSite } from "./support/server";
import { openEventStream, request, startCaddy, startNginx, type RunningProxy } from "./support/proxy";
import { uploadUniversalCodes } from "../../scripts/lib/upload-codes";
import { signNative } from "../../lib/notify/native-signature";
import { receiptText } from "../../lib/notify/receipt-text";
import type { Channel } from "../../lib/channels";
import { marked } from "./support/marks";

const BASE = Number(process.env.E2E_PORT ?? 3900) + 10;
const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const TOKEN = "proxy-admin-token-0123456789abcdef";
const RATE = 4;
const POST = { slug: "proxy-e2e", title: "代理测试", priceCents: 1000 };
const GATED = "经过反向代理解锁的正文";

let site: RunningSite;
let browser: Browser;
const proxies: RunningProxy[] = [];

beforeAll(async () => {
  site = await startSite(BASE, {
    NOTIFY_SECRET: SECRET,
    ADMIN_TOKEN: TOKEN,
    SESSION_SECRET: "proxy-session-secret-0123456789abcdef",
    TRUST_PROXY: "1",
    ORDER_RATE_PER_IP: String(RATE),
  });
  await uploadUniversalCodes(site.url, TOKEN);
  const res = await fetch(`${site.url}/api/admin/articles`, {
    method: "POST",
    headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
    body: JSON.stringify({ ...POST, published: true, markdown: `公开的开头\n\n<!-- more -->\n\n${GATED}` }),
  });
  expect(res.status).toBe(201);
  proxies.push(await startCaddy(BASE, BASE + 1, BASE + 2), await startNginx(BASE, BASE + 3, BASE + 4));
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  for (const p of proxies) await p.stop();
  await site?.stop();
});

function notifyThrough(p: RunningProxy, payload: Record<string, unknown>) {
  const body = JSON.stringify({ deviceid: "proxy-phone", ...payload });
  const headers = signNative(SECRET, body, `msg_${randomBytes(8).toString("hex")}`);
  return request(`${p.httpsUrl}/api/notify`, {
    method: "POST",
    headers: { ...headers, "content-type": "application/json" },
    body,
    ca: p.ca,
  });
}

function orderThrough(p: RunningProxy, from: string, headers: Record<string, string> = {}) {
  return request(`${p.httpsUrl}/api/orders`, {
    method: "POST",
    from,
    ca: p.ca,
    headers: { "content-type": "application/json", origin: p.httpsUrl, ...headers },
    body: JSON.stringify({ slug: POST.slug, channel: "wechat" }),
  });
}

function orderAddresses(): Map<string, string> {
  const db = new Database(path.join(site.dataDir, "site.db"), { readonly: true });
  try {
    return new Map(
      (db.prepare(`SELECT id, "clientIp" FROM "Order"`).all() as { id: string; clientIp: string }[]).map((r) => [r.id, r.clientIp]),
    );
  } finally {
    db.close();
  }
}

describe.each([0, 1])("behind the shipped proxy config #%i", (i) => {
  const p = () => proxies[i];
  // Each proxy's readers come from their own loopback addresses, so the per-address limits of one test do not touch another's.
  const reader = (n: number) => `127.0.${10 + i}.${n}`;

  it("completes the pay loop over HTTPS in Chromium: Secure cookie, HSTS, the phone's notify, the pushed unlock", async () => {
    expect((await notifyThrough(p(), { type: "heartbeat" })).status).toBe(200);
    const ctx = await browser.newContext({ ignoreHTTPSErrors: true });
    const page = await ctx.newPage();
    const doc = await page.goto(`${p().httpsUrl}/posts/${POST.slug}`);
    expect(doc?.headers()["strict-transport-security"]).toMatch(/max-age=\d+/);
    const created = page.waitForResponse((r) => r.url().endsWith("/api/orders") && r.request().method() === "POST");
    const stream = page.waitForResponse((r) => /\/api\/orders\/[^/]+\/events$/.test(r.url()));
    await page.getByRole("button", { name: /^阅读全文/ }).click();
    const order = (await (await created).json()) as { id: string; amountCents: number; channel: Channel };
    expect((await stream).status()).toBe(200);
    const cookie = (await ctx.cookies()).find((c) => c.name === "pw_reader");
    expect(cookie?.secure).toBe(true);
    expect(cookie?.httpOnly).toBe(true);

    const paid = await notifyThrough(p(), receiptText(order.channel, order.amountCents));
    expect(paid.status).toBe(200);
    expect(JSON.parse(paid.body)).toEqual({ result: "matched", orderId: order.id });
    await page.getByText(marked(GATED)).waitFor({ timeout: 10_000 });
    expect(orderAddresses().get(order.id)).toBe("127.0.0.1");
    await ctx.close();
  }, 120_000);

  it("pushes the unlock through the proxy as it happens, not when a buffer fills", async () => {
    const created = await orderThrough(p(), reader(1));
    expect(created.status).toBe(201);
    const order = JSON.parse(created.body) as { id: string; amountCents: number; channel: Channel };
    const cookie = String(created.headers["set-cookie"]).split(";")[0];
    const events = await openEventStream(`${p().httpsUrl}/api/orders/${order.id}/events`, p().ca, cookie);
    const t0 = performance.now();
    const paid = await notifyThrough(p(), receiptText(order.channel, order.amountCents));
    const acked = performance.now();
    expect(JSON.parse(paid.body).result).toBe("matched");
    const got = await Promise.race([events.status, new Promise<null>((r) => setTimeout(() => r(null), 10_000))]);
    events.close();
    // Buffered, the event would wait for the next 15-second ping or the stream's end.
    expect(got, "the paid event did not come through within 10 s").not.toBeNull();
    expect(JSON.parse(got!.data)).toMatchObject({ id: order.id, status: "paid" });
    console.log(
      `[e2e] ${p().name}: event stream first byte ${Math.round(events.firstByteMs)} ms; paid event ${Math.round(got!.at - acked)} ms after the notify was answered (${Math.round(got!.at - t0)} ms after it was sent)`,
    );
  }, 60_000);

  it("limits orders by the reader's own address, which a forged X-Forwarded-For cannot change", async () => {
    const ids: string[] = [];
    for (let n = 0; n < RATE; n++) {
      const r = await orderThrough(p(), reader(2), { "x-forwarded-for": `10.${n}.0.1` });
      expect(r.status, r.body).toBe(201);
      ids.push(JSON.parse(r.body).id);
    }
    const limited = await orderThrough(p(), reader(2), { "x-forwarded-for": "10.99.0.1" });
    expect(limited.status).toBe(429);
    const other = await orderThrough(p(), reader(3));
    expect(other.status).toBe(201);
    const seen = orderAddresses();
    expect(ids.map((id) => seen.get(id))).toEqual(ids.map(() => reader(2)));
    expect(seen.get(JSON.parse(other.body).id)).toBe(reader(3));
  }, 60_000);

  it("takes an image upload larger than a proxy's default body limit", async () => {
    const png = new PNG({ width: 700, height: 700 });
    png.data.set(randomBytes(png.data.length));
    const bytes = PNG.sync.write(png);
    expect(bytes.length).toBeGreaterThan(1024 * 1024);
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(bytes)], { type: "image/png" }), "big.png");
    const encoded = new Response(form);
    const r = await request(`${p().httpsUrl}/api/admin/media`, {
      method: "POST",
      ca: p().ca,
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": encoded.headers.get("content-type")! },
      body: Buffer.from(await encoded.arrayBuffer()),
    });
    expect(r.status, r.body).toBe(201);
    const url = JSON.parse(r.body).url as string;
    const served = await request(`${p().httpsUrl}${url}`, { ca: p().ca });
    expect(served.status).toBe(200);
    expect(served.headers["content-type"]).toBe("image/png");
  }, 60_000);

  it("answers V免签's plain-HTTP paths itself, sends everything else to HTTPS, and passes readiness through", async () => {
    const heart = await request(`${p().httpUrl}/appHeart?t=${Date.now()}&sign=wrong`);
    expect(heart.status).not.toBe(308);
    expect(heart.status).toBeLessThan(500);
    const home = await request(`${p().httpUrl}/posts/${POST.slug}`);
    expect(home.status).toBe(308);
    expect(home.headers.location).toMatch(new RegExp(`^https://localhost(:\\d+)?/posts/${POST.slug}$`));
    const ready = await request(`${p().httpsUrl}/api/ready`, { ca: p().ca });
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.body)).toMatchObject({ ready: true, database: { ok: true } });
  }, 60_000);
});
