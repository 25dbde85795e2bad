import { vocabulary, type StateOf } from "@/lib/vocabulary";

/**
 * 申请退款 / 有问题: the words of a reader's request about a purchase, for the reader's page and
 * the owner's admin. Client-safe, free of zod.
 */
export const REQUEST_KIND = vocabulary({ refund: "申请退款", problem: "有问题" });
export type RequestKind = StateOf<typeof REQUEST_KIND>;
export const REQUEST_KINDS = REQUEST_KIND.values;

export const REQUEST_STATUS = vocabulary(
  { open: "等待站长答复", refunded: "已退款", resolved: "已解决" },
  { open: "warn", refunded: "neutral", resolved: "good" },
);
export type RequestStatus = StateOf<typeof REQUEST_STATUS>;
export const REQUEST_STATUSES = REQUEST_STATUS.values;
export const isOpenRequest = (s: RequestStatus | null): boolean => s === "open";

/** How the owner closes one (PATCH /api/admin/requests/{id}). */
export const RESOLUTIONS = ["refunded", "resolved"] as const satisfies readonly RequestStatus[];
export type Resolution = (typeof RESOLUTIONS)[number];

export const MAX_REQUEST_MESSAGE = 500;
export const MAX_REQUEST_CONTACT = 100;
export const MAX_REQUEST_REPLY = 500;
