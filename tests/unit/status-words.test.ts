import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ORDER_STATUS } from "@/lib/orders/status";
import { BILL_STATUS, PAYMENT_ORIGIN, PAYMENT_STATUS } from "@/lib/payments/status";
import { CLAIM_STATUS } from "@/lib/claims/vocab";
import { MERCHANT_ORDER_STATUS } from "@/lib/gateway/protocol";
import { JOB_STATUS } from "@/lib/jobs/status";
import { NOTIFICATION_OUTCOME } from "@/lib/notify/outcome";
import { CODE_STATUS } from "@/lib/redeem/status";
import { BACKUP_STATUS, BACKUP_TRIGGER } from "@/lib/backup/status";
import { FEED_ROTATED_BY } from "@/lib/readers/feed-notice";
import { ACCOUNT_HEALTH } from "@/lib/accounts/health";
import { DEVICE_ROLE } from "@/lib/devices/roles";
import { REQUEST_KIND, REQUEST_STATUS } from "@/lib/requests/vocab";
import { PROBLEM_EFFECT, PROBLEM_KIND } from "@/lib/orders/problem-vocab";

/**
 * The word an owner or a reader sees for a stored status lives in its vocabulary (lib/<domain>/status.ts …),
 * and so does every question asked of it (isPaidOrder, needsOwner …). Components and pages hold neither:
 * no comparison of a status with a literal, and no label written next to a status value.
 */
const root = path.resolve(import.meta.dirname, "../..");
const STORED = new Set<string>(
  [
    ORDER_STATUS,
    PAYMENT_STATUS,
    PAYMENT_ORIGIN,
    BILL_STATUS,
    CLAIM_STATUS,
    MERCHANT_ORDER_STATUS,
    JOB_STATUS,
    NOTIFICATION_OUTCOME,
    CODE_STATUS,
    BACKUP_STATUS,
    BACKUP_TRIGGER,
    FEED_ROTATED_BY,
    ACCOUNT_HEALTH,
    DEVICE_ROLE,
    REQUEST_KIND,
    REQUEST_STATUS,
    PROBLEM_KIND,
    PROBLEM_EFFECT,
  ].flatMap((v): readonly string[] => v.values),
);

function files(dir: string, keep: (f: string) => boolean): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "api" ? [] : files(full, keep);
    return keep(full) ? [full] : [];
  });
}

const SCREENS = [
  ...files(path.join(root, "components"), (f) => /\.tsx?$/.test(f)),
  ...files(path.join(root, "app"), (f) => /(page|layout)\.tsx$/.test(f)),
];

/** `x.status === "paid"`, `outcome !== "heartbeat"`, `billStatus === "missing"` … */
const COMPARISON =
  /\b\w*(?:status|outcome|origin)\w*\s*[!=]==?\s*["'`](\w+)["'`]|["'`](\w+)["'`]\s*[!=]==?\s*[\w.]*(?:status|outcome|origin)\b/gi;
/** `paid: "已付款"`, `["paid", "已付款"]`, `paid: ["已付款", tone]`: a label written next to a stored value. */
const LABEL = /["'`]?\b(\w+)\b["'`]?\s*[:,]\s*\[?\s*["'`][^"'`]*\p{Script=Han}/gu;

function findings(file: string): string[] {
  const src = readFileSync(file, "utf8");
  const rel = path.relative(root, file);
  const out: string[] = [];
  for (const m of src.matchAll(COMPARISON)) {
    const value = m[1] ?? m[2];
    if (STORED.has(value)) out.push(`${rel}: compares a status with "${value}"`);
  }
  for (const m of src.matchAll(LABEL)) if (STORED.has(m[1])) out.push(`${rel}: labels "${m[1]}" itself`);
  return out;
}

describe("status words", () => {
  it("finds screens to check", () => {
    expect(SCREENS.length).toBeGreaterThan(50);
  });

  it("no component or page compares a stored status with a literal or writes a label for one", () => {
    expect(SCREENS.flatMap(findings)).toEqual([]);
  });

  it("would notice a screen that does", () => {
    const tmp = path.join(root, "components", "admin", "order-list.tsx");
    const src = readFileSync(tmp, "utf8");
    expect(findings(tmp)).toEqual([]);
    // The same checks over text that breaks the rule, as a component might.
    const bad = `${src}\nconst L = { paid: "已付款", heartbeat: ["心跳", "text-stone-400"] };\nif (o.status === "pending") {}\n`;
    const hits = [...bad.matchAll(COMPARISON)].map((m) => m[1] ?? m[2]).concat([...bad.matchAll(LABEL)].map((m) => m[1]));
    expect(hits.filter((v) => STORED.has(v)).sort()).toEqual(["heartbeat", "paid", "pending"]);
  });
});
