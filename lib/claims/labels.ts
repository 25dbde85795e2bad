/**
 * The 我已付款 vocabulary the reader's page needs (limits, status labels),
 * without zod: the article page's JavaScript stays small (docs/performance.md).
 * The request schema is in input.ts (server and forms that validate).
 */
export const MAX_CLAIM_NOTE = 200;
/** Reports about payments older than this go to the owner directly (the site cannot check them any more). */
export const CLAIM_MAX_AGE_DAYS = 30;

export const CLAIM_STATUSES = ["pending", "accepted", "rejected"] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export const CLAIM_STATUS_LABEL: Record<ClaimStatus, string> = {
  pending: "等待站长核对",
  accepted: "站长已确认，全文已解锁",
  rejected: "站长未能核对到这笔付款",
};
