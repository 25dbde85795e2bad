import { describe, expect, it } from "vitest";
import { judgeReport, type ReportContext } from "./problem-rules";

const now = new Date("2026-12-04T06:00:00Z"); // 14:00 China time
const ctx = (over: Partial<ReportContext> = {}): ReportContext => ({
  kind: "restricted",
  orderCreatedAt: new Date(now.getTime() - 60_000),
  accountHealth: "ok",
  accountResumedAt: null,
  pausesByReporter: 0,
  otherReaders: 0,
  now,
  ...over,
});

describe("what a 付不了？ report may do", () => {
  it("pauses the account on 收款方存在违规行为 or 对方账户异常 about a fresh order", () => {
    expect(judgeReport(ctx())).toEqual({ effect: "paused", note: null });
    expect(judgeReport(ctx({ kind: "abnormal" })).effect).toBe("paused");
  });

  it("stops the account until China midnight on 收款次数已达上限", () => {
    expect(judgeReport(ctx({ kind: "limit" }))).toEqual({ effect: "full_today", note: null, fullUntil: new Date("2026-12-04T16:00:00Z") });
  });

  it("stops nothing for an order older than half an hour, one made before the owner's resume, or a reporter who already stopped one today", () => {
    expect(judgeReport(ctx({ orderCreatedAt: new Date(now.getTime() - 31 * 60_000) }))).toMatchObject({ effect: "recorded" });
    expect(judgeReport(ctx({ accountResumedAt: new Date(now.getTime() - 30_000) }))).toMatchObject({
      effect: "recorded",
      note: "站长在这个订单之后恢复过这个账户",
    });
    expect(judgeReport(ctx({ pausesByReporter: 1 }))).toMatchObject({ effect: "recorded", note: expect.stringContaining("24 小时") });
  });

  it("turns the account 可疑 when a second reader reports on it, even with a report that may not pause", () => {
    expect(judgeReport(ctx({ kind: "other" }))).toEqual({ effect: "recorded", note: null });
    expect(judgeReport(ctx({ kind: "other", otherReaders: 1 }))).toEqual({ effect: "suspect", note: null });
    expect(judgeReport(ctx({ pausesByReporter: 1, otherReaders: 1 })).effect).toBe("suspect");
  });

  it("records a report on an order without an account", () => {
    expect(judgeReport(ctx({ accountHealth: null })).effect).toBe("recorded");
  });
});
