import { db } from "@/lib/db/client";
import { newId } from "@/lib/ids";

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

export function pickHeaders(req: Request): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of KEPT_HEADERS) {
    const v = req.headers.get(k);
    if (v) out[k] = v.slice(0, 500);
  }
  return out;
}

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
  data: { deviceId?: string | null; verifyResult?: string; parseResult?: unknown; outcome?: string },
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
