import { vocabulary, type StateOf } from "@/lib/vocabulary";

/** A redeem code's state, worked out from its dates (lib/redeem/admin.ts statusOf). Client-safe: the batch list counts by it. */
export const CODE_STATUS = vocabulary(
  { unused: "未使用", redeemed: "已兑换", revoked: "已作废", expired: "已过期" },
  { redeemed: "good", revoked: "muted", expired: "muted" },
);
export type CodeStatus = StateOf<typeof CODE_STATUS>;
