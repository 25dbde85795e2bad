import { vocabulary, type StateOf } from "@/lib/vocabulary";

/**
 * The words of 我已付款 reports the browser needs too. Kept free of zod: building a
 * zod object schema in the browser probes eval, which the site's CSP blocks.
 */
export const MAX_CLAIM_NOTE = 200;
/** Reports about payments older than this go to the owner directly (the site cannot check them any more). */
export const CLAIM_MAX_AGE_DAYS = 30;

/** What the reader reads about their report (the owner sees only pending ones, in the inbox). */
export const CLAIM_STATUS = vocabulary(
  { pending: "等待站长核对", accepted: "站长已确认，全文已解锁", rejected: "站长未能核对到这笔付款" },
  { pending: "warn", accepted: "good", rejected: "muted" },
);
export type ClaimStatus = StateOf<typeof CLAIM_STATUS>;
export const CLAIM_STATUSES = CLAIM_STATUS.values;
/** The owner has not decided yet: the reader's page keeps asking. */
export const isClaimOpen = (status: ClaimStatus | null): boolean => status === "pending";
export const isClaimAccepted = (status: ClaimStatus | null): boolean => status === "accepted";
export const isClaimRejected = (status: ClaimStatus | null): boolean => status === "rejected";
