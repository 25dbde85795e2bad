/**
 * The one error model. Domain code throws AppError with a stable snake_case
 * code; the door every route handler goes through (lib/http/door) writes it as
 * { error: { code, message } } with the status below, or in the shape of the
 * caller's protocol. Anything else is logged and answered as a generic 500.
 */
const errorStatus = {
  invalid_input: 400,
  invalid_json: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  article_not_found: 404,
  order_not_found: 404,
  payment_not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  already_unlocked: 409,
  order_not_open: 409,
  payment_already_resolved: 409,
  payment_mismatch: 409,
  coupon_invalid: 400,
  coupon_used_up: 409,
  redeem_code_invalid: 404,
  redeem_code_used: 409,
  restore_link_full: 409,
  restore_link_revoked: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unparseable: 422,
  rate_limited: 429,
  busy: 503,
  notifier_offline: 503,
  demo_mode: 503,
  no_qr_code: 503,
  /** Every account that could take the order is at a daily ceiling (lib/accounts/ceilings.ts): 「今日收款已满」. */
  daily_limit: 503,
  /** The channel's accounts are 可疑 / 已暂停 (lib/accounts/health.ts); details.offerChannel names one that serves. */
  channel_unavailable: 503,
  admin_not_configured: 503,
  /** One backup at a time (lib/backup/run.ts). */
  backup_running: 409,
  /** The backup could not be made (pg_dump missing, disk full …); the message says what to do. */
  backup_failed: 503,
  /** An outgoing delivery (alert test) failed at the other end. */
  delivery_failed: 502,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly details?: unknown;

  constructor(code: ErrorCode, message: string, opts: { headers?: Record<string, string>; details?: unknown } = {}) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.status = errorStatus[code];
    this.headers = opts.headers ?? {};
    this.details = opts.details;
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;

/** What every door answers for a failure it did not foresee (the details go to the log, never to the client). */
export const INTERNAL_ERROR_MESSAGE = "服务器内部错误，请稍后再试。";
