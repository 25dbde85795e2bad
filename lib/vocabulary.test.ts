import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SWITCH_STATE, switchState, UNKNOWN_STATE_LABEL, vocabulary, type Vocabulary } from "./vocabulary";
import { effectiveStatus, isLate, isOverForPayer, ORDER_STATUS } from "./orders/status";
import { BILL_STATUS, needsOwner, originOf, PAYMENT_ORIGIN, PAYMENT_STATUS } from "./payments/status";
import { CLAIM_STATUS, isClaimOpen } from "./claims/vocab";
import { isNotifyFailed, isPaidStatus, MERCHANT_ORDER_STATUS } from "./gateway/protocol";
import { JOB_STATUS, willRetry } from "./jobs/status";
import { NOTIFICATION_OUTCOME, outcomeLabel } from "./notify/outcome";
import { CODE_STATUS } from "./redeem/status";
import { DEVICE_STATE, deviceState } from "./devices/state";
import { ACCOUNT_STATE, accountState } from "./accounts/state";
import { RESTORE_LINK_STATE, restoreLinkState } from "./readers/link-state";
import { PUBLICATION, publication } from "./articles/publication";
import { PASS_SALE, passSale } from "./passes/sale-state";
import { BACKUP_STATUS, BACKUP_TRIGGER } from "./backup/status";
import { ACCOUNT_HEALTH, isHealthy, isPaused } from "./accounts/health";
import { DEVICE_ROLE, isStandby } from "./devices/roles";
import { isOpenRequest, REQUEST_KIND, REQUEST_STATUS } from "./requests/vocab";
import { PROBLEM_EFFECT, PROBLEM_KIND } from "./orders/problem-vocab";

/** The homes of the words; client components import them, so they reach nothing but lib/vocabulary.ts and types. */
const HOMES = [
  "orders/status.ts",
  "payments/status.ts",
  "claims/vocab.ts",
  "gateway/protocol.ts",
  "jobs/status.ts",
  "notify/outcome.ts",
  "redeem/status.ts",
  "devices/state.ts",
  "accounts/state.ts",
  "readers/link-state.ts",
  "articles/publication.ts",
  "passes/sale-state.ts",
  "backup/status.ts",
  "accounts/health.ts",
  "devices/roles.ts",
  "requests/vocab.ts",
  "orders/problem-vocab.ts",
];

const ALL: [string, Vocabulary<string>][] = [
  ["order status", ORDER_STATUS],
  ["payment status", PAYMENT_STATUS],
  ["payment origin", PAYMENT_ORIGIN],
  ["bill status", BILL_STATUS],
  ["我已付款 report status", CLAIM_STATUS],
  ["merchant order status", MERCHANT_ORDER_STATUS],
  ["job (delivery) status", JOB_STATUS],
  ["notification outcome", NOTIFICATION_OUTCOME],
  ["redeem code status", CODE_STATUS],
  ["device state", DEVICE_STATE],
  ["account state", ACCOUNT_STATE],
  ["restore link state", RESTORE_LINK_STATE],
  ["publication", PUBLICATION],
  ["pass sale", PASS_SALE],
  ["backup status", BACKUP_STATUS],
  ["backup trigger", BACKUP_TRIGGER],
  ["on/off switch", SWITCH_STATE],
  ["account health", ACCOUNT_HEALTH],
  ["phone role", DEVICE_ROLE],
  ["reader request kind", REQUEST_KIND],
  ["reader request status", REQUEST_STATUS],
  ["付不了？ report kind", PROBLEM_KIND],
  ["付不了？ report effect", PROBLEM_EFFECT],
];

describe.each(ALL)("the %s vocabulary", (_name, vocab) => {
  it("has a Chinese word for every state, and no two states share one", () => {
    const words = vocab.values.map((v) => vocab.label(v));
    for (const w of words) expect(w).toMatch(/\p{Script=Han}/u);
    expect(new Set(words).size).toBe(words.length);
    expect(words).not.toContain(UNKNOWN_STATE_LABEL);
  });

  it("parses every stored state back to itself", () => {
    for (const v of vocab.values) expect(vocab.parse(v)).toBe(v);
  });

  it("parses an unknown, differently cased, empty or missing string to null without throwing, and still has a word for it", () => {
    for (const bad of ["bogus", vocab.values[0].toUpperCase(), "", " ", "__proto__", "toString", null, undefined]) {
      expect(vocab.parse(bad)).toBeNull();
    }
    expect(vocab.label(null)).toBe(UNKNOWN_STATE_LABEL);
    expect(vocab.tone(null)).toBe("muted");
  });
});

it.each(HOMES)("lib/%s imports nothing a browser could not load", (file) => {
  const src = readFileSync(path.join(import.meta.dirname, file), "utf8");
  const values = [...src.matchAll(/^import\s+(?!type\b)[^;]*?from\s+"([^"]+)"/gm)].map((m) => m[1]);
  expect(values.filter((v) => v !== "@/lib/vocabulary")).toEqual([]);
});

describe("vocabulary()", () => {
  it("lists the states in the order declared, gives a state without a tone the neutral one and keeps a declared one", () => {
    const v = vocabulary({ a: "甲", b: "乙" }, { b: "bad" });
    expect(v.values).toEqual(["a", "b"]);
    expect([v.label("a"), v.tone("a"), v.label("b"), v.tone("b")]).toEqual(["甲", "neutral", "乙", "bad"]);
    expect(v.is("a")).toBe(true);
    expect(v.is(1)).toBe(false);
  });
});

describe("reading stored rows through the vocabularies", () => {
  const now = new Date("2026-01-01T00:00:00Z");
  const later = new Date(now.getTime() + 60_000);
  const earlier = new Date(now.getTime() - 60_000);

  it("an order pending past its deadline is expired by the server's clock; an unknown status is null and counts as late", () => {
    expect(effectiveStatus({ status: "pending", expiresAt: later }, now)).toBe("pending");
    expect(effectiveStatus({ status: "pending", expiresAt: earlier }, now)).toBe("expired");
    expect(effectiveStatus({ status: "paid", expiresAt: earlier }, now)).toBe("paid");
    expect(effectiveStatus({ status: "refunded", expiresAt: later }, now)).toBeNull();
    expect(isLate({ status: "refunded", expiresAt: later }, now)).toBe(true);
  });

  it("the reader's QR is over once the order ended or the countdown reached zero", () => {
    expect(isOverForPayer("pending", 5)).toBe(false);
    expect(isOverForPayer("pending", null)).toBe(false);
    expect(isOverForPayer("pending", 0)).toBe(true);
    expect(isOverForPayer("expired", 10)).toBe(true);
    expect(isOverForPayer("cancelled", 10)).toBe(true);
    expect(isOverForPayer("paid", 0)).toBe(false);
    expect(isOverForPayer(null, 10)).toBe(false);
  });

  it("names the states worked out from flags and dates", () => {
    expect(originOf("bill")).toBe("bill");
    expect(originOf("notify")).toBe("notify");
    expect(deviceState({ enabled: false, online: true, lastSeenAt: null })).toBe("disabled");
    expect(deviceState({ online: true, lastSeenAt: "2026-01-01T00:00:00Z" })).toBe("online");
    expect(deviceState({ online: false, lastSeenAt: "2026-01-01T00:00:00Z" })).toBe("offline");
    expect(deviceState({ enabled: true, online: false, lastSeenAt: null })).toBe("never");
    expect([accountState({ enabled: false, online: true }), accountState({ enabled: true, online: true })]).toEqual(["disabled", "online"]);
    expect(accountState({ enabled: true, online: false })).toBe("offline");
    expect([restoreLinkState({ revokedAt: null }), restoreLinkState({ revokedAt: now })]).toEqual(["active", "revoked"]);
    expect([publication(true), publication(false), passSale(true), passSale(false)]).toEqual(["published", "draft", "on_sale", "off_sale"]);
    expect([switchState(true), switchState(false)]).toEqual(["on", "off"]);
  });

  it("answers the questions the screens ask of a state", () => {
    expect(PAYMENT_STATUS.values.filter(needsOwner)).toEqual(["unmatched"]);
    expect(CLAIM_STATUS.values.filter(isClaimOpen)).toEqual(["pending"]);
    expect(MERCHANT_ORDER_STATUS.values.filter(isPaidStatus)).toEqual(["paid", "paid_notify_failed"]);
    expect(MERCHANT_ORDER_STATUS.values.filter(isNotifyFailed)).toEqual(["paid_notify_failed"]);
    expect(willRetry({ status: "pending", attempts: 1 })).toBe(true);
    expect(willRetry({ status: "pending", attempts: 0 })).toBe(false);
    expect(outcomeLabel(null)).toBe("处理中");
    expect(outcomeLabel("heartbeat")).toBe("心跳");
    expect([ACCOUNT_HEALTH.values.filter(isHealthy), ACCOUNT_HEALTH.values.filter(isPaused)]).toEqual([["ok"], ["paused"]]);
    expect(DEVICE_ROLE.values.filter(isStandby)).toEqual(["standby"]);
    expect(REQUEST_STATUS.values.filter(isOpenRequest)).toEqual(["open"]);
  });
});
