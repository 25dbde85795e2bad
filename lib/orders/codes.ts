import { db } from "@/lib/db/client";
import type { Channel } from "@/lib/channels";

/**
 * The receiving codes orders may be given right now. Demo mode hands out only
 * the seeded stand-in codes (their payloads are fake: a real reader must never
 * be shown one), and after go-live only the owner's real codes.
 * Newest first, so planSlots() picks the newest universal (and fixed-amount)
 * code on a channel: an owner who uploads a second code means it as the replacement.
 */
export async function usableCodes(opts: { demo: boolean; channel?: Channel }) {
  return db().qrCode.findMany({
    where: { enabled: true, demo: opts.demo, ...(opts.channel ? { channel: opts.channel } : {}) },
    select: { id: true, channel: true, amountCents: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
}
