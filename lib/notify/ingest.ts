import { createHash } from "node:crypto";
import { AppError } from "@/lib/errors";
import { annotate, pruneHeartbeats, recordRequest, type RawRequest } from "@/lib/notify/audit";
import { markSeen } from "@/lib/devices/registry";
import { isNoisy, noisyError, noteFailure } from "@/lib/notify/guard";
import { parseNotification, type NotificationText, type ParseResult } from "@/lib/notify/parse";
import { settlePayment } from "@/lib/payments/settle";
import { takeReplayKey, type Fingerprint } from "@/lib/notify/replay";
import { raiseEventSafely } from "@/lib/alerts/raise";

/**
 * The one ingestion flow every notifier protocol goes through:
 *   refuse noisy addresses → record raw → examine (protocol: verify + read fields)
 *   → take the replay key → heartbeat | parse → settle → annotate → answer.
 * The answer is only produced after the settlement has committed: a crash before
 * that means no 2xx, the phone resends, and the dedupe keys make the resend safe.
 */
export type NotifyResponse =
  | { result: "matched" | "late_matched"; orderId: string }
  | { result: "unmatched"; suspectedDuplicate?: true }
  | { result: "duplicate" }
  | { result: "ignored"; reason: string }
  /** A second phone's report of a payment already recorded (a standby's, or a late primary's). */
  | { result: "confirmation" }
  /** A standby phone's report, waiting for the primary's (lib/payments/standby.ts). */
  | { result: "waiting" };

export type Item =
  | { kind: "heartbeat" }
  | {
      kind: "notification";
      /** Forwarded notification text, or an amount the protocol already read (V免签). */
      text?: NotificationText;
      parsed?: ParseResult;
      /** Payment-level dedupe key: the same receipt twice is one payment. */
      dedupeKey: string;
      /** Hash of (device, package, title, text, posted time) when the phone sent a posted time. */
      contentKey?: string | null;
      postedAt: Date | null;
    };

/** What a protocol found out about a request it could verify. */
export interface Examined {
  deviceId: string;
  /**
   * Request-level key built from the verified, canonical fields (message id, the timestamp's
   * value…): a second request under it that says something else is a replay.
   */
  replayKey: string;
  item: Item;
}

/** A request the protocol refuses. verifyResult "ok" means signed but malformed. */
class Rejection extends Error {
  constructor(
    readonly verifyResult: string,
    readonly error: AppError,
    readonly deviceId: string | null = null,
  ) {
    super(error.message);
  }
}

export const unverified = (reason: string, message: string) => new Rejection(reason, new AppError("unauthorized", message));
export const malformed = (message: string, deviceId: string | null = null, verifyResult = deviceId ? "ok" : "malformed") =>
  new Rejection(verifyResult, new AppError("invalid_input", message), deviceId);

let heartbeatsSincePrune = 0;

/**
 * The parser's reason for "a payment app's receipt whose amount could not be read": the app may
 * have changed its text, so the owner is alerted with the raw text (docs/operations.md).
 */
const UNREADABLE = "unreadable_receipt";

/** What became of a request: written onto its audit row at ingest's one exit, then answered or refused. */
type Outcome = {
  note: Parameters<typeof annotate>[1];
  /** Work that follows the record (an alert, a prune, a failure count); never changes the answer. */
  afterwards?: () => Promise<void>;
} & ({ answer: NotifyResponse } | { refusal: AppError });

export async function ingest(raw: RawRequest, examine: () => Promise<Examined>, fingerprint: Fingerprint): Promise<NotifyResponse> {
  // A noisy address's requests are stored only once they verify: refusing them
  // outright would let whoever shares the phone's address (carrier NAT, a proxy
  // without TRUST_PROXY) lock real payments out (see guard.ts).
  const early = (await isNoisy(raw.remoteIp)) ? null : await recordRequest(raw);
  const examined = await examine().catch((e: unknown) => {
    if (e instanceof Rejection) return e;
    throw e;
  });
  // Unsigned garbage from a noisy address is not stored at all.
  if (examined instanceof Rejection && !early && examined.verifyResult !== "ok") throw noisyError();
  const notificationId = early ?? (await recordRequest(raw));

  const outcome = examined instanceof Rejection ? refused(examined, raw) : await handle(notificationId, examined, raw, fingerprint);
  // The one exit: what happened to this request is written onto its audit row, then answered.
  await annotate(notificationId, outcome.note);
  await outcome.afterwards?.();
  if ("refusal" in outcome) throw outcome.refusal;
  return outcome.answer;
}

function refused(e: Rejection, raw: RawRequest): Outcome {
  return {
    note: { deviceId: e.deviceId, verifyResult: e.verifyResult, outcome: "rejected" },
    refusal: e.error,
    // Unsigned garbage counts toward the per-address limit and is pruned later.
    afterwards: e.verifyResult !== "ok" ? () => noteFailure(raw.remoteIp) : undefined,
  };
}

async function handle(notificationId: string, ex: Examined, raw: RawRequest, fingerprint: Fingerprint): Promise<Outcome> {
  const { deviceId, item } = ex;
  if (!(await takeReplayKey(notificationId, ex.replayKey, item.kind === "heartbeat", raw, fingerprint))) {
    return { note: { deviceId, verifyResult: "replayed", outcome: "duplicate" }, answer: { result: "duplicate" } };
  }

  if (item.kind === "heartbeat") {
    await markSeen(deviceId, "heartbeat");
    return {
      note: { deviceId, verifyResult: "ok", outcome: "heartbeat" },
      answer: { result: "ignored", reason: "heartbeat" },
      afterwards: async () => {
        if (++heartbeatsSincePrune < 500) return;
        heartbeatsSincePrune = 0;
        await pruneHeartbeats().catch((e) => console.error("[notify] heartbeat prune failed", e));
      },
    };
  }
  await markSeen(deviceId, "notification");

  const parsed = item.parsed ?? parseNotification(item.text ?? {});
  if ("ignored" in parsed) {
    const t = item.text ?? {};
    const alert = () =>
      raiseEventSafely("notification.unreadable", {
        notificationId,
        package: t.package ?? null,
        title: t.title ?? null,
        text: t.content ?? null,
        reason: parsed.ignored,
      });
    return {
      note: { deviceId, verifyResult: "ok", parseResult: parsed, outcome: "ignored" },
      answer: { result: "ignored", reason: parsed.ignored },
      afterwards: parsed.ignored === UNREADABLE ? alert : undefined,
    };
  }
  const settled = await settlePayment({
    ...parsed,
    dedupeKey: item.dedupeKey,
    contentKey: item.contentKey ?? null,
    notificationId,
    postedAt: item.postedAt,
    deviceId,
  });
  const note = { deviceId, verifyResult: "ok", parseResult: parsed, outcome: settled.result };
  if (settled.result === "matched" || settled.result === "late_matched")
    return { note, answer: { result: settled.result, orderId: settled.orderId } };
  if (settled.result === "unmatched")
    return { note, answer: settled.suspectedDuplicateOf ? { result: "unmatched", suspectedDuplicate: true } : { result: "unmatched" } };
  return { note, answer: { result: settled.result } };
}

/** Content-based dedupe key for protocols without a message id. */
export function contentDedupeKey(parts: (string | null | undefined)[]): string {
  return createHash("sha256")
    .update(parts.map((p) => p ?? "").join("\u0000"))
    .digest("hex");
}
