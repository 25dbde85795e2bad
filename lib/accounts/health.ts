import { vocabulary, type StateOf } from "@/lib/vocabulary";

/**
 * The health of a receiving account: the one home of its states, the words the owner and
 * readers see for them, and the shape of the evidence kept with a state. Client-safe (the
 * admin imports it), free of zod. The rules that set the states: health-rules.ts (the
 * expiry streak), lib/orders/problem.ts (readers' reports), the owner in the admin.
 */
export const ACCOUNT_HEALTH = vocabulary({ ok: "正常", suspect: "可疑", paused: "已暂停" }, { ok: "good", suspect: "warn", paused: "bad" });
export type AccountHealth = StateOf<typeof ACCOUNT_HEALTH>;

/** Takes new orders as usual (可疑 and 已暂停 are passed over while another account can serve). */
export const isHealthy = (h: AccountHealth): boolean => h === "ok";
export const isPaused = (h: AccountHealth): boolean => h === "paused";

/** One line for the owner on what each state does. */
export const ACCOUNT_HEALTH_HINT: Record<AccountHealth, string> = {
  ok: "正常分配订单。",
  suspect: "有其他账户或渠道可用时不再分配新订单；收到这个账户的付款后自动恢复正常。",
  paused: "不再分配新订单，直到站长在这里点「恢复」。",
};

/** A stored health, parsed once where accounts are read; one this build does not know serves as before (正常). */
export const asAccountHealth = (value: string): AccountHealth => ACCOUNT_HEALTH.parse(value) ?? "ok";

/** What put an account in its state, kept as JSON on the account (Account.healthEvidence). */
export type HealthEvidence =
  | {
      kind: "expiry_streak";
      /** Its last orders, all unpaid (their readers did not pay elsewhere either). */
      streak: number;
      /** The streak that was needed, given how often the other accounts' orders were paid. */
      needed: number;
      since: string;
      othersPaid: number;
      othersOrders: number;
      /** Its phones: online now, and the last heartbeat or notification of any of them. */
      phonesOnline: number;
      phoneLastSeenAt: string | null;
    }
  | {
      kind: "reader_report";
      problemId: string;
      orderId: string;
      /** The reader's choice (lib/orders/problem-vocab.ts) and words. */
      report: string;
      text: string | null;
      /** Reports of this account counted together (kind "suspect" needs two readers). */
      readers?: number;
    }
  | { kind: "owner"; note: string | null };

/** The evidence in one Chinese sentence, for the admin and the alerts. */
export function describeEvidence(e: HealthEvidence | null): string {
  if (!e) return "";
  switch (e.kind) {
    case "expiry_streak":
      return (
        `最近 ${e.streak} 个订单都没有付款（读者也没有在别处付款），而同一时段其他账户 ${e.othersOrders} 个订单中有 ${e.othersPaid} 个付了款` +
        `（按其他账户的付款率，连续 ${e.needed} 个没付款才算异常）。` +
        (e.phonesOnline > 0 ? `这个账户的手机仍在线：可能是账户被限制收款，也可能是手机没有转发通知。` : `这个账户的手机已离线。`)
      );
    case "reader_report":
      return `读者报告：「${e.report}」${e.text ? `（${e.text}）` : ""}${e.readers && e.readers > 1 ? `，共 ${e.readers} 位读者` : ""}，订单 ${e.orderId}。`;
    case "owner":
      return `站长手动暂停${e.note ? `：${e.note}` : "。"}`;
  }
}

export function parseEvidence(json: string | null): HealthEvidence | null {
  if (!json) return null;
  try {
    return JSON.parse(json) as HealthEvidence;
  } catch {
    return null;
  }
}
