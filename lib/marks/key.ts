import { createHmac, randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import { config } from "@/lib/config";
import type { GrantKind } from "@/lib/targets";
import { DATA_BYTES } from "@/lib/marks/codec";

/**
 * The secret behind every mark code and reader label: 32 random bytes in the database
 * (Setting "mark_key"), made by whichever process needs it first, so every instance on one
 * database marks alike and the tracer can recompute any code. Apart from SESSION_SECRET on
 * purpose: rotating that (signing everyone out) must not make earlier copies untraceable.
 */
const KEY = "mark_key";
const g = globalThis as unknown as { __paywallMarkKey?: { db: string; key: Promise<Buffer> } };

export function markKey(): Promise<Buffer> {
  const url = config().DATABASE_URL;
  if (g.__paywallMarkKey?.db !== url) {
    const key = loadKey().catch((e) => {
      g.__paywallMarkKey = undefined;
      throw e;
    });
    g.__paywallMarkKey = { db: url, key };
  }
  return g.__paywallMarkKey.key;
}

async function loadKey(): Promise<Buffer> {
  const value = randomBytes(32).toString("base64url");
  // The first writer wins; everyone reads what was written.
  await db().setting.upsert({ where: { key: KEY }, create: { key: KEY, value }, update: {} });
  const row = await db().setting.findUniqueOrThrow({ where: { key: KEY }, select: { value: true } });
  return Buffer.from(row.value, "base64url");
}

/** What a mark stands for: one grant, delivered to the buyer's own browsers ("") or to one restored browser. */
export interface MarkSubject {
  kind: GrantKind;
  grantId: string;
  /** Restore device id, or "" for the buyer's own browsers. */
  holder: string;
}

/** The 40-bit code of a mark subject (deterministic: the tracer recomputes it). */
export function markCode(key: Buffer, s: MarkSubject): Uint8Array {
  const mac = createHmac("sha256", key).update(`mark:${s.kind}:${s.grantId}:${s.holder}`).digest();
  return Uint8Array.from(mac.subarray(0, DATA_BYTES));
}

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** 「读者 K7M2QX」: a short, stable name for a reader, shown in the optional visible line, 我的购买 and the tracer. */
export function readerLabel(key: Buffer, readerId: string): string {
  const mac = createHmac("sha256", key).update(`label:${readerId}`).digest();
  let n = mac.readUInt32BE(0);
  let s = "";
  for (let i = 0; i < 6; i++, n >>>= 5) s += CROCKFORD[n & 31];
  return `读者 ${s}`;
}
