/**
 * 申请退款 / 有问题: the words of a reader's request about a purchase, for the reader's page and
 * the owner's admin. Client-safe, free of zod.
 */
export const REQUEST_KINDS = ["refund", "problem"] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];
export const REQUEST_KIND_LABEL: Record<RequestKind, string> = { refund: "申请退款", problem: "有问题" };

export const REQUEST_STATUSES = ["open", "refunded", "resolved"] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export const REQUEST_STATUS_LABEL: Record<RequestStatus, string> = { open: "等待站长答复", refunded: "已退款", resolved: "已解决" };

/** How the owner closes one (PATCH /api/admin/requests/{id}). */
export const RESOLUTIONS = ["refunded", "resolved"] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

export const MAX_REQUEST_MESSAGE = 500;
export const MAX_REQUEST_CONTACT = 100;
export const MAX_REQUEST_REPLY = 500;

export const asRequestStatus = (s: string): RequestStatus => (s === "refunded" || s === "resolved" ? s : "open");
export const asRequestKind = (s: string): RequestKind => (s === "refund" ? "refund" : "problem");
