import { describe, expect, it, beforeEach } from "vitest";
import { db } from "@/lib/db/client";
import { databaseKind } from "@/lib/config";
import { newId } from "@/lib/ids";
import { lockAddress } from "@/lib/orders/slots";
import { makeArticle, makeQr } from "../support/db";
import { age, order, phoneOnline } from "../support/matching";

// Real receiving codes are handed out only once a notifier is configured (demo mode uses demo codes).
beforeEach(async () => {
  await phoneOnline();
});

/** Every call is cookie-less, so each one is a brand-new reader: only the address ties them together. */
async function world(articles = 4) {
  await makeQr("wechat");
  await makeQr("alipay");
  const slugs = [];
  for (let i = 0; i < articles; i++) slugs.push((await makeArticle({ slug: `cap-${i}` })).slug);
  return slugs;
}

describe("held amount slots per client address (ORDER_MAX_HELD_PER_IP)", () => {
  it("refuses cookie-less readers from one address with 429 rate_limited and Retry-After once it holds the cap, while other addresses still buy", async () => {
    process.env.ORDER_MAX_HELD_PER_IP = "3";
    const slugs = await world();
    for (const [i, channel] of ["wechat", "alipay", "wechat"].entries()) {
      expect((await order(slugs[i], { channel, ip: "198.51.100.7" })).status).toBe(201);
    }
    const refused = await order(slugs[3], { channel: "alipay", ip: "198.51.100.7" });
    expect(refused.status).toBe(429);
    expect(refused.json.error.code).toBe("rate_limited");
    expect(refused.json.error.message).toMatch(/同一 IP/);
    const retry = Number(refused.headers.get("retry-after"));
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(720);
    expect((await order(slugs[3], { ip: "198.51.100.8" })).status).toBe(201);
  });

  it("stops counting an order once it is paid or its slot hold has run out", async () => {
    process.env.ORDER_MAX_HELD_PER_IP = "2";
    const slugs = await world();
    const a = await order(slugs[0], { ip: "198.51.100.7" });
    const b = await order(slugs[1], { ip: "198.51.100.7" });
    expect((await order(slugs[2], { ip: "198.51.100.7" })).status).toBe(429);
    // Paid within the echo window: still holds its slot, but the reader is done.
    await db().order.update({ where: { id: a.json.id }, data: { status: "paid", paidAt: new Date() } });
    expect((await order(slugs[2], { ip: "198.51.100.7" })).status).toBe(201);
    expect((await order(slugs[3], { ip: "198.51.100.7" })).status).toBe(429);
    await age(b.json.id, 3600);
    expect((await order(slugs[3], { ip: "198.51.100.7" })).status).toBe(201);
  });

  it("counts all IPv6 addresses of one /64 together and stores the grouped key as the order's clientIp", async () => {
    process.env.ORDER_MAX_HELD_PER_IP = "2";
    const slugs = await world();
    const first = await order(slugs[0], { ip: "2001:db8:1:2::1" });
    expect(first.status).toBe(201);
    expect((await order(slugs[1], { ip: "2001:db8:1:2:aaaa::9" })).status).toBe(201);
    expect((await order(slugs[2], { ip: "2001:db8:1:2::abcd" })).status).toBe(429);
    expect((await order(slugs[2], { ip: "2001:db8:1:3::1" })).status).toBe(201);
    const row = await db().order.findUniqueOrThrow({ where: { id: first.json.id } });
    expect(row.clientIp).toBe("2001:db8:1:2::/64");
  });

  it("groups IPv6 by /64 for the per-minute order limit too", async () => {
    process.env.ORDER_RATE_PER_IP = "2";
    const slugs = await world();
    expect((await order(slugs[0], { ip: "2001:db8:9:9::1" })).status).toBe(201);
    expect((await order(slugs[1], { ip: "2001:db8:9:9::2" })).status).toBe(201);
    expect((await order(slugs[2], { ip: "2001:db8:9:9::3" })).status).toBe(429);
  });

  it("never lets concurrent requests from one address overshoot the cap, across both channels", async () => {
    process.env.ORDER_MAX_HELD_PER_IP = "4";
    const slugs = await world(6);
    const res = await Promise.all(
      Array.from({ length: 12 }, (_, i) => order(slugs[i % 6], { channel: i % 2 ? "alipay" : "wechat", ip: "198.51.100.7" })),
    );
    expect(res.filter((r) => r.status === 201)).toHaveLength(4);
    expect(res.filter((r) => r.status !== 201).every((r) => r.status === 429)).toBe(true);
    expect(await db().order.count({ where: { openSlot: { not: null } } })).toBe(4);
  });

  // Deterministic form of the cross-channel race: another process's slot taking (alipay) is in flight for the
  // same address while this one (wechat) runs; the channel locks do not order them, the address lock must.
  it.runIf(databaseKind(process.env.TEST_DATABASE_URL || "file:x") === "postgres")(
    "makes a slot taking wait for an in-flight one from the same address on the other channel, so it sees that order (PostgreSQL)",
    async () => {
      process.env.ORDER_MAX_HELD_PER_IP = "1";
      const slugs = await world();
      const article = await db().article.findUniqueOrThrow({ where: { slug: slugs[0] } });
      let inserted!: () => void;
      const ready = new Promise<void>((r) => (inserted = r));
      const other = db().$transaction(async (tx) => {
        await lockAddress(tx, "198.51.100.7");
        const at = new Date();
        await tx.order.create({
          data: {
            id: newId(),
            articleId: article.id,
            readerId: "other-process",
            channel: "alipay",
            listPriceCents: 100,
            amountCents: 100,
            accountId: "acct_alipay",
            openSlot: "alipay:acct_alipay:100",
            createdAt: at,
            expiresAt: new Date(at.getTime() + 120_000),
            slotHeldUntil: new Date(at.getTime() + 720_000),
            clientIp: "198.51.100.7",
          },
        });
        inserted();
        await new Promise((r) => setTimeout(r, 400));
      });
      await ready;
      const res = await order(slugs[1], { channel: "wechat", ip: "198.51.100.7" });
      await other;
      expect(res.status).toBe(429);
    },
  );

  it("does not cap at all with ORDER_MAX_HELD_PER_IP=0", async () => {
    process.env.ORDER_MAX_HELD_PER_IP = "0";
    const slugs = await world();
    for (const s of slugs) expect((await order(s, { ip: "198.51.100.7" })).status).toBe(201);
  });
});
