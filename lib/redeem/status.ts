import { vocabulary } from "@/lib/vocabulary";

/** A redeem code's state, worked out from its dates (lib/redeem/admin.ts statusOf). Client-safe: the batch list counts by it. */
export const CODE_STATUSES = ["unused", "redeemed", "revoked", "expired"] as const;
export type CodeStatus = (typeof CODE_STATUSES)[number];
export const CODE_STATUS = vocabulary(CODE_STATUSES, {
  unused: { label: "未使用", tone: "neutral" },
  redeemed: { label: "已兑换", tone: "good" },
  revoked: { label: "已作废", tone: "muted" },
  expired: { label: "已过期", tone: "muted" },
});
