import { db, type Db, type Tx } from "@/lib/db/client";
import { enqueue } from "@/lib/jobs/queue";
import { newId } from "@/lib/ids";
import type { AlertEvent, EventData, EventType } from "@/lib/alerts/events";

export const FANOUT_JOB = "alert.fanout";

/**
 * Raises an event for the owner's alerts: one queued job, written with
 * `client` — pass the transaction that caused the event so the alert exists
 * exactly when the change committed. Delivery happens later in the worker;
 * nothing here can make the caller's work fail or wait on the network.
 * Skipped (no row) when no enabled alert wants this event.
 *
 *   await raiseEvent(tx, "reader.claim", { orderId, channel, amountCents });
 */
export async function raiseEvent<T extends EventType>(
  client: Tx | Db,
  type: T,
  data: EventData[T] | (() => Promise<EventData[T]>),
  now = new Date(),
): Promise<void> {
  const wanted = await client.alert.count({ where: { enabled: true, events: { contains: `"${type}"` } } });
  if (wanted === 0) return;
  // A function is only called when someone listens: no extra reads on the payment path otherwise.
  const resolved = typeof data === "function" ? await data() : data;
  const event: AlertEvent<T> = { id: `evt_${newId(12)}`, type, timestamp: now.toISOString(), data: resolved };
  await enqueue(client, FANOUT_JOB, event, { ref: type });
}

/** raiseEvent outside any transaction, never throwing: for callers whose own work is already done. */
export async function raiseEventSafely<T extends EventType>(type: T, data: EventData[T]): Promise<void> {
  try {
    await raiseEvent(db(), type, data);
  } catch (e) {
    console.error(`[alerts] could not queue ${type}`, e);
  }
}
