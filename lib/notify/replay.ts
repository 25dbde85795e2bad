import { db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/tx";
import type { RawRequest } from "@/lib/notify/audit";

/**
 * What a stored request says, canonically (a hash of the fields the protocol reads, never the
 * raw bytes): the app's identical retry has the same fingerprint, a captured request resent with
 * edited fields does not, even where the signature does not cover them.
 */
export type Fingerprint = (r: Pick<RawRequest, "method" | "body" | "headers">) => Promise<string>;

/**
 * Takes the request-level replay key for this notification row. A second request under the
 * same key is a replay unless it says exactly what the first said (the phone retrying after a
 * lost answer, V免签 forks adding an unsigned &force_push=true): that one goes on, and the
 * payment dedupe key, written in the same transaction as the settlement, decides whether it
 * already counted.
 */
export async function takeReplayKey(
  notificationId: string,
  replayKey: string,
  heartbeat: boolean,
  raw: RawRequest,
  fingerprint: Fingerprint,
): Promise<boolean> {
  try {
    await db().notification.update({ where: { id: notificationId }, data: { replayKey } });
    return true;
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    if (heartbeat) return false;
    const holder = await db().notification.findUnique({ where: { replayKey }, select: { method: true, body: true, headers: true } });
    if (!holder) return false;
    const stored = { method: holder.method, body: holder.body, headers: storedHeaders(holder.headers) };
    return (await fingerprint(stored)) === (await fingerprint(raw));
  }
}

function storedHeaders(json: string): Record<string, string> {
  try {
    const h: unknown = JSON.parse(json);
    return h && typeof h === "object" ? (h as Record<string, string>) : {};
  } catch {
    return {};
  }
}
