import { describe, expect, it } from "vitest";
import { alertWindow, lateFrom, pairFrom, settleAt, standbyDecision, PAIR_BEFORE_SECONDS, PRIMARY_LATE_SECONDS } from "./standby-rules";

const t = new Date("2026-12-04T08:00:00.000Z");

describe("the standby phone's rule", () => {
  it("confirms when the primary already reported the payment, whether or not it is online now", () => {
    expect(standbyDecision({ primaryPaymentFound: true, primaryOnline: true })).toBe("confirm");
    expect(standbyDecision({ primaryPaymentFound: true, primaryOnline: false })).toBe("confirm");
  });
  it("waits for an online primary and settles at once when no primary is online", () => {
    expect(standbyDecision({ primaryPaymentFound: false, primaryOnline: true })).toBe("wait");
    expect(standbyDecision({ primaryPaymentFound: false, primaryOnline: false })).toBe("settle");
  });
  it("pairs with a primary payment up to two minutes older, and a primary report up to ten minutes later", () => {
    expect(t.getTime() - pairFrom(t).getTime()).toBe(PAIR_BEFORE_SECONDS * 1000);
    expect(PAIR_BEFORE_SECONDS).toBe(120);
    expect(t.getTime() - lateFrom(t).getTime()).toBe(PRIMARY_LATE_SECONDS * 1000);
    expect(PRIMARY_LATE_SECONDS).toBe(600);
  });
  it("settles a waiting report after the configured wait", () => {
    expect(settleAt(t, 20).toISOString()).toBe("2026-12-04T08:00:20.000Z");
  });
  it("alerts at most once per half hour: two instants in one window share it, the next window does not", () => {
    expect(alertWindow(new Date("2026-12-04T08:00:01Z"))).toBe(alertWindow(new Date("2026-12-04T08:29:59Z")));
    expect(alertWindow(new Date("2026-12-04T08:30:00Z"))).toBe(alertWindow(t) + 1);
  });
});
