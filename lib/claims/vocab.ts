import { vocabulary } from "@/lib/vocabulary";

/**
 * The words of 我已付款 reports the browser needs too. Kept free of zod: building a
 * zod object schema in the browser probes eval, which the site's CSP blocks.
 */
export const MAX_CLAIM_NOTE = 200;
/** Reports about payments older than this go to the owner directly (the site cannot check them any more). */
export const CLAIM_MAX_AGE_DAYS = 30;

export const CLAIM_STATUSES = ["pending", "accepted", "rejected"] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/** What the reader reads about their report (the owner sees only pending ones, in the inbox). */
export const CLAIM_STATUS = vocabulary(CLAIM_STATUSES, {
  pending: { label: "等待站长核对", tone: "warn" },
  accepted: { label: "站长已确认，全文已解锁", tone: "good" },
  rejected: { label: "站长未能核对到这笔付款", tone: "muted" },
});
/** The owner has not decided yet: the reader's page keeps asking. */
export const isClaimOpen = (status: ClaimStatus | null): boolean => status === "pending";
