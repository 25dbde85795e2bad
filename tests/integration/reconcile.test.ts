import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { POST as upload } from "@/app/api/admin/reconcile/route";
import { db } from "@/lib/db/client";
import { newId } from "@/lib/ids";
import { importBill } from "@/lib/reconcile/admin";
import { readRows } from "@/lib/reconcile/sheet";
import { readBill, type Bill } from "@/lib/reconcile/layouts";
import { createAlert } from "@/lib/alerts/admin";
import { call } from "../support/http";
import { billUploadRequest, enableAdmin } from "../support/admin";
import { makeArticle } from "../support/db";

const FIXTURES = path.join(import.meta.dirname, "..", "fixtures", "bills");
const file = (name: string) => readFileSync(path.join(FIXTURES, name));
async function parsed(name: string): Promise<Bill> {
  const { rows, container } = await readRows(file(name));
  return readBill(rows, container);
}
const sec = (d: Date, s: number) => new Date(d.getTime() + s * 1000);

async function order(articleId: string, channel: string, amountCents: number, createdAt: Date, reader = `r-${newId(4)}`) {
  return db().order.create({
    data: {
      id: newId(),
      articleId,
      readerId: reader,
      channel,
      listPriceCents: amountCents,
      amountCents,
      status: "expired",
      createdAt,
      expiresAt: sec(createdAt, 120),
      slotHeldUntil: sec(createdAt, 720),
    },
  });
}

async function notifiedPayment(channel: string, amountCents: number, at: Date) {
  return db().payment.create({
    data: { id: newId(), channel, amountCents, dedupeKey: `n-${newId(6)}`, status: "unmatched", receivedAt: at },
  });
}

/**
 * The world the bill is checked against, built around the bill's own income rows:
 * the 1st was reported by the phone, the 2nd has exactly one unpaid order, the
 * 3rd has two, the rest have none; one phone-reported payment is not in the bill.
 */
async function worldFor(bill: Bill) {
  const [reported, single, twice] = [...bill.incomes].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  const article = await makeArticle({ priceCents: 100 });
  await notifiedPayment(bill.channel, reported.amountCents, sec(reported.occurredAt, 3));
  const lone = await order(article.id, bill.channel, single.amountCents, sec(single.occurredAt, -30), "reader-who-paid");
  await order(article.id, bill.channel, twice.amountCents, sec(twice.occurredAt, -60));
  await order(article.id, bill.channel, twice.amountCents, sec(twice.occurredAt, -400));
  const forged = await notifiedPayment(bill.channel, 777, sec(bill.periodStart, 3 * 86400));
  const otherChannel = await notifiedPayment(bill.channel === "wechat" ? "alipay" : "wechat", 778, sec(bill.periodStart, 3 * 86400));
  return { article, lone, forged, otherChannel };
}

async function snapshot() {
  const [payments, entitlements, paid, entries, jobs] = await Promise.all([
    db().payment.findMany({ orderBy: { id: "asc" } }),
    db().entitlement.count(),
    db().order.count({ where: { status: "paid" } }),
    db().billEntry.count(),
    db().job.count(),
  ]);
  return { payments, entitlements, paid, entries, jobs };
}

describe("reconciliation against the official bill", () => {
  it.each(["wechat.csv", "wechat.xlsx", "wechat-legacy.xlsx", "alipay-current.csv", "alipay-old.csv"])(
    "%s: reported → fine, one open order → settled and unlocked, several → inbox, none → inbox, unreported payment → flagged; re-import changes nothing",
    async (name) => {
      await createAlert({
        kind: "webhook",
        events: ["reconcile.difference"],
        allowPrivate: true,
        config: { url: "http://127.0.0.1:9/unused" },
      });
      const bill = await parsed(name);
      const world = await worldFor(bill);

      const s = await importBill(file(name), name);
      expect(s).toMatchObject({
        channel: bill.channel,
        rows: bill.rows,
        incomes: bill.incomes.length,
        alreadySettled: 1,
        settled: 1,
        inbox: bill.incomes.length - 2,
        notInBill: 1,
        alreadyImported: 0,
      });
      expect(s.details.inbox.map((i) => i.reason)).toContain("ambiguous");
      expect(s.details.inbox.map((i) => i.reason)).toContain("no_order");

      // The reader who paid without a notification is unlocked, by a payment from the bill.
      const settledOrder = await db().order.findUniqueOrThrow({ where: { id: world.lone.id }, include: { payment: true } });
      expect(settledOrder.status).toBe("paid");
      expect(settledOrder.payment).toMatchObject({ source: "bill", status: "matched" });
      expect(await db().entitlement.count({ where: { readerId: "reader-who-paid", articleId: world.article.id } })).toBe(1);
      // Money nobody could be matched to waits in the inbox; the unreported payment is flagged.
      expect(await db().payment.count({ where: { source: "bill", status: "unmatched" } })).toBe(bill.incomes.length - 2);
      expect((await db().payment.findUniqueOrThrow({ where: { id: world.forged.id } })).billStatus).toBe("missing");
      expect((await db().payment.findUniqueOrThrow({ where: { id: world.otherChannel.id } })).billStatus).toBeNull();
      expect(await db().job.count({ where: { kind: "alert.fanout", ref: "reconcile.difference" } })).toBe(1);

      const before = await snapshot();
      const again = await importBill(file(name), name);
      expect(again).toMatchObject({ alreadySettled: 0, settled: 0, inbox: 0, notInBill: 1, alreadyImported: bill.incomes.length });
      expect(await snapshot()).toEqual(before);
      expect(await db().billImport.count()).toBe(1);
    },
  );

  it("leaves an unowned payment (a phone that speaks for no account of its channel) out of the bill's comparison", async () => {
    const bill = await parsed("wechat.csv");
    const [first] = [...bill.incomes].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
    const unowned = await db().payment.create({
      data: {
        id: newId(),
        channel: bill.channel,
        amountCents: first.amountCents,
        dedupeKey: `u-${newId(6)}`,
        status: "unmatched",
        unowned: true,
        receivedAt: sec(first.occurredAt, 3),
      },
    });
    const s = await importBill(file("wechat.csv"), "wechat.csv");
    // Not taken for the bill row (which goes to the inbox as money of the account), not flagged as missing.
    expect(s).toMatchObject({ alreadySettled: 0, notInBill: 0 });
    expect(await db().payment.findUniqueOrThrow({ where: { id: unowned.id } })).toMatchObject({ billStatus: null, status: "unmatched" });
  });

  it("settles a reader exactly once when the same bill is uploaded twice at the same moment", async () => {
    const bill = await parsed("wechat.csv");
    await worldFor(bill);
    const [a, b] = await Promise.all([importBill(file("wechat.csv"), "a.csv"), importBill(file("wechat.csv"), "b.csv")]);
    expect(a.settled + b.settled).toBe(1);
    expect(await db().order.count({ where: { status: "paid" } })).toBe(1);
    expect(await db().payment.count({ where: { source: "bill" } })).toBe(bill.incomes.length - 1);
  });

  it("takes the bill as multipart `file` at POST /api/admin/reconcile and refuses what is not a bill with 422", async () => {
    enableAdmin();
    const post = (bytes: Buffer, name: string) => call(upload, billUploadRequest(bytes, name));
    const ok = await post(file("alipay-current.csv"), "支付宝交易明细.csv");
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ channel: "alipay", format: "alipay_csv", rows: 9, incomes: 4, inbox: 4 });
    const bad = await post(Buffer.from("hello,world\n1,2\n"), "notes.csv");
    expect(bad.status).toBe(422);
    expect(bad.json.error.message).toContain("认不出这个账单");
  });
});

describe("reconciliation per receiving account", () => {
  it("compares a bill only with its own account's orders and payments", async () => {
    const bill = await parsed("wechat.csv");
    const [, single] = [...bill.incomes].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
    const article = await makeArticle({ priceCents: 100 });
    const second = await db().account.create({ data: { id: "acct_second", channel: "wechat", name: "二号" } });
    // The same amount open on both accounts at the time: the second account's bill settles the second account's order.
    const onDefault = await order(article.id, "wechat", single.amountCents, sec(single.occurredAt, -30), "default-reader");
    const onSecond = await order(article.id, "wechat", single.amountCents, sec(single.occurredAt, -30), "second-reader");
    await db().order.update({ where: { id: onSecond.id }, data: { accountId: second.id } });
    const summary = await importBill(file("wechat.csv"), "wechat.csv", new Date(), second.id);
    expect(summary.details.settled.map((s) => s.orderId)).toEqual([onSecond.id]);
    expect((await db().order.findUniqueOrThrow({ where: { id: onDefault.id } })).status).toBe("expired");
    const recorded = await db().payment.findFirstOrThrow({ where: { orderId: onSecond.id } });
    expect(recorded.accountId).toBe(second.id);
    expect((await db().billImport.findFirstOrThrow()).accountId).toBe(second.id);
  });

  it("refuses an account of the other channel with a 400 that says so", async () => {
    enableAdmin();
    await db().account.create({ data: { id: "acct_ali2", channel: "alipay", name: "支付宝二号" } });
    const res = await call(upload, billUploadRequest(file("wechat.csv"), "wechat.csv", "?accountId=acct_ali2"));
    expect(res.status).toBe(400);
    expect(res.json.error.message).toContain("微信账户");
  });
});
