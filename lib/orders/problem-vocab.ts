import { vocabulary, type StateOf } from "@/lib/vocabulary";

/**
 * 付不了？ — what the reader's wallet said when it refused to pay. The words readers and the
 * owner see; client-safe and free of zod (the pay dialog imports it).
 */
export const PROBLEM_KIND = vocabulary({
  restricted: "收款方存在违规行为",
  limit: "收款次数已达上限",
  abnormal: "对方账户异常",
  other: "其他",
});
export type ProblemKind = StateOf<typeof PROBLEM_KIND>;
export const PROBLEM_KINDS = PROBLEM_KIND.values;

/** What a report did to the account (OrderProblem.effect). */
export const PROBLEM_EFFECT = vocabulary(
  { paused: "已暂停该账户", full_today: "该账户今日停止收款", suspect: "该账户标为可疑", recorded: "仅记录" },
  { paused: "bad", full_today: "warn", suspect: "warn", recorded: "muted" },
);
export type ProblemEffect = StateOf<typeof PROBLEM_EFFECT>;

export const MAX_PROBLEM_TEXT = 200;

/** The answer to the reader: what to do next in the same dialog. */
export interface ProblemAnswer {
  problemId: string;
  effect: ProblemEffect;
  /** Another account of the same channel can serve (take a new code), or another channel; null: none now. */
  offer: { channel: "wechat" | "alipay"; sameChannel: boolean } | null;
  message: string;
}
