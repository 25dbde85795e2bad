import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { clientIp } from "@/lib/http/client-ip";
import { NOTIFICATION_OUTCOME, type NotificationOutcome } from "@/lib/notify/outcome";
import { PAYMENT_STATUS, type PaymentStatus } from "@/lib/payments/status";

/**
 * The audit log: every notifier request is stored raw before it is verified
 * or parsed, then annotated with what happened to it.
 */
export interface RawRequest {
  protocol: "native" | "smsforwarder" | "vmq";
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
  remoteIp: string;
}

const KEPT_HEADERS = ["content-type", "user-agent", "webhook-id", "webhook-timestamp", "webhook-signature"];

function pickHeaders(req: Request): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of KEPT_HEADERS) {
    const v = req.headers.get(k);
    if (v) out[k] = v.slice(0, 500);
  }
  return out;
}

/**
 * The raw request as it will be stored. For GET the query string is the body (it carries
 * everything the phone sent); it is size-checked like a POST body.
 */
export function rawRequest(req: Request, protocol: RawRequest["protocol"], body?: string): RawRequest {
  const url = new URL(req.url);
  const query = url.search.replace(/^\?/, "");
  if (body === undefined && query.length > MAX_QUERY) throw new AppError("payload_too_large", `请求参数过长（上限 ${MAX_QUERY} 字节）。`);
  return { protocol, method: req.method, path: url.pathname, headers: pickHeaders(req), body: body ?? query, remoteIp: clientIp(req) };
}

const MAX_QUERY = 8 * 1024;
export const MAX_NOTIFY_BODY = 16 * 1024;

export async function recordRequest(raw: RawRequest): Promise<string> {
  const id = newId();
  await db().notification.create({
    data: {
      id,
      protocol: raw.protocol,
      method: raw.method,
      path: raw.path.slice(0, 500),
      headers: JSON.stringify(raw.headers),
      body: raw.body,
      remoteIp: raw.remoteIp.slice(0, 64),
    },
  });
  return id;
}

export async function annotate(
  id: string,
  data: { deviceId?: string | null; verifyResult?: string; parseResult?: unknown; outcome?: NotificationOutcome },
): Promise<void> {
  await db().notification.update({
    where: { id },
    data: {
      deviceId: data.deviceId ?? undefined,
      verifyResult: data.verifyResult,
      parseResult: data.parseResult === undefined ? undefined : JSON.stringify(data.parseResult),
      outcome: data.outcome,
    },
  });
}

/**
 * Heartbeats arrive every 30 s per phone (~2,900 rows a day); only recent ones
 * help anyone, so those older than `days` are deleted. Receipts are kept.
 */
export async function pruneHeartbeats(days = 7, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - days * 24 * 3600 * 1000);
  const res = await db().notification.deleteMany({ where: { outcome: "heartbeat", receivedAt: { lt: cutoff } } });
  return res.count;
}

/**
 * Keeps garbage from filling the disk: requests that failed verification are
 * kept for a week and at most `keep` of them.
 */
export async function pruneRejected(keep = 5000, now = new Date()): Promise<void> {
  const weekAgo = new Date(now.getTime() - 7 * 24 * 3600 * 1000);
  const rejected = { verifyResult: { not: "ok" }, payment: null };
  await db().notification.deleteMany({ where: { ...rejected, receivedAt: { lt: weekAgo } } });
  const cutoff = await db().notification.findFirst({
    where: rejected,
    orderBy: { receivedAt: "desc" },
    skip: keep,
    select: { receivedAt: true },
  });
  if (cutoff) await db().notification.deleteMany({ where: { ...rejected, receivedAt: { lte: cutoff.receivedAt } } });
}

export interface AuditQuery {
  outcome?: string;
  protocol?: string;
  verifyResult?: string;
  limit?: number;
  /** Paging: only entries received strictly before this instant. */
  before?: Date;
}

/** The parser's reading as stored: { channel, amountCents } or { ignored }. */
export type StoredParseResult = { ignored?: string; channel?: string; amountCents?: number };

export interface NotificationView {
  id: string;
  receivedAt: string;
  protocol: string;
  deviceId: string | null;
  method: string;
  path: string;
  remoteIp: string | null;
  headers: unknown;
  body: string;
  verifyResult: string | null;
  parseResult: StoredParseResult | null;
  /** null: not recorded yet (or a stored string this build does not know). */
  outcome: NotificationOutcome | null;
  payment: { id: string; status: PaymentStatus | null; orderId: string | null; amountCents: number; channel: string } | null;
}

/** The owner's view of the audit log, newest first, with the parsed JSON columns decoded. */
export async function listNotifications(q: AuditQuery = {}): Promise<NotificationView[]> {
  const rows = await db().notification.findMany({
    where: {
      outcome: q.outcome,
      protocol: q.protocol,
      verifyResult: q.verifyResult,
      receivedAt: q.before ? { lt: q.before } : undefined,
    },
    orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
    take: Math.min(Math.max(q.limit ?? 50, 1), 500),
    include: { payment: { select: { id: true, status: true, orderId: true, amountCents: true, channel: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    receivedAt: r.receivedAt.toISOString(),
    protocol: r.protocol,
    deviceId: r.deviceId,
    method: r.method,
    path: r.path,
    remoteIp: r.remoteIp,
    headers: safeJson(r.headers),
    body: r.body,
    verifyResult: r.verifyResult,
    parseResult: r.parseResult === null ? null : (safeJson(r.parseResult) as StoredParseResult),
    outcome: NOTIFICATION_OUTCOME.parse(r.outcome),
    payment: r.payment && { ...r.payment, status: PAYMENT_STATUS.parse(r.payment.status) },
  }));
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return s;
  }
}
