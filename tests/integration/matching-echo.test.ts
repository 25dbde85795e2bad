import { describe, expect, it } from "vitest";
import { makeArticle, makeQr } from "../support/db";
import { wechatReceipt } from "../support/notify";
import { age, order, pay, phoneOnline } from "../support/matching";
import { db } from "@/lib/db/client";

// The rule of docs/matching.md §4: identity keys catch re-deliveries however late; a short window catches echoes.
describe("echoes and re-deliveries with the short echo window", () => {
  it("frees a paid amount after ECHO_WINDOW_SECONDS (default 15 s), and a late re-delivery still settles nothing", async () => {
    process.env.ORDER_RATE_PER_IP = "1000";
    const article = await makeArticle({ priceCents: 500 });
    await makeQr("wechat");
    await phoneOnline();
    const a = (await order(article.slug)).json;
    expect(a.amountCents).toBe(500);
    const receipt = { ...wechatReceipt(500), time: "2026-11-27 12:00:00" };
    expect((await pay(receipt, { id: "msg_first" })).json).toEqual({ result: "matched", orderId: a.id });

    // An echo inside the window (the stacked summary, new webhook-id): kept for the owner, settles nothing.
    const echo = await pay({ ...receipt, content: `[2条]微信支付: ${receipt.content}` }, { id: "msg_echo" });
    expect(echo.json).toEqual({ result: "unmatched", suspectedDuplicate: true });
    // While held, the next reader gets another amount.
    const b = (await order(article.slug)).json;
    expect(b.amountCents).not.toBe(500);

    // 16 s later the amount is free again and the next reader may get it.
    await age(a.id, 16);
    const c = (await order(article.slug)).json;
    expect(c.amountCents).toBe(500);
    // The phone re-sends the first notification (same webhook-id; or same text and posted time under a
    // new id): its identity says it is the same receipt, so the new holder is not paid by it.
    expect((await pay(receipt, { id: "msg_first" })).json).toEqual({ result: "duplicate" });
    expect((await pay(receipt, { id: "msg_resent_by_rom" })).json).toEqual({ result: "duplicate" });
    expect((await db().order.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("pending");
    // The new reader's own payment (a new notification, posted later) settles their order.
    expect((await pay({ ...wechatReceipt(500), time: "2026-11-27 12:00:40" }, { id: "msg_second" })).json).toEqual({
      result: "matched",
      orderId: c.id,
    });
  });
});
