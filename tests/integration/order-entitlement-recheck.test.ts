import { describe, expect, it, vi, beforeEach } from "vitest";
import { db } from "@/lib/db/client";
import { newId } from "@/lib/ids";
import { makeArticle, makeQr } from "../support/db";
import { cookieFrom } from "../support/http";
import { order, phoneOnline } from "../support/matching";

// Real receiving codes are handed out only once a notifier is configured (demo mode uses demo codes).
beforeEach(async () => {
  await phoneOnline();
});

// Simulates the stale read: the ownership check before the slot-taking transaction (made
// with the plain client) answers "not owned" although the reader was unlocked a moment
// ago; the check inside the transaction (made with the transaction client) is real.
const staleReads = vi.hoisted(() => ({ count: 0 }));
vi.mock("@/lib/entitlements/check", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/entitlements/check")>();
  const { db } = await import("@/lib/db/client");
  return {
    ...real,
    ownsTarget: async (...args: Parameters<typeof real.ownsTarget>) => {
      if (args[0] !== db()) return real.ownsTarget(...args);
      staleReads.count++;
      return false;
    },
  };
});

describe("entitlement re-check inside the slot-taking transaction", () => {
  it("refuses 409 already_unlocked and creates no order when the reader was unlocked after the first check", async () => {
    const article = await makeArticle();
    await makeQr("wechat");
    const first = await order(article.slug, { channel: "wechat" });
    expect(first.status).toBe(201);
    const cookie = cookieFrom(first);
    const { readerId } = await db().order.findUniqueOrThrow({ where: { id: first.json.id } });
    await db().order.update({ where: { id: first.json.id }, data: { status: "paid", paidAt: new Date() } });
    await db().entitlement.create({ data: { id: newId(), readerId, articleId: article.id, orderId: first.json.id } });
    const again = await order(article.slug, { channel: "wechat", cookie });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe("already_unlocked");
    expect(await db().order.count()).toBe(1);
    // The refusal came from the check inside the transaction: the one before it was made to answer "not owned".
    expect(staleReads.count).toBeGreaterThan(0);
  });
});
