import { CODEWORD_BITS } from "@/lib/marks/codec";
import { slotOfHan } from "@/lib/marks/schedule";
import type { CopyReading } from "@/lib/trace/read-copy";

/**
 * The evidence a copy holds about a codeword: for each of the 96 bits, the votes of every carrier
 * found where the original post has a slot for that bit (+1 for a one, -1 for a zero). Carriers
 * where the original has none, or of the wrong kind, are noise and ignored.
 */
export interface Votes {
  votes: Int16Array;
  /** Carriers that counted, by kind. */
  zw: number;
  vs: number;
  /** Han characters of the copy found in the original. */
  aligned: number;
}

export function collectVotes(copy: CopyReading, map: Int32Array): Votes {
  const out: Votes = { votes: new Int16Array(CODEWORD_BITS), zw: 0, vs: 0, aligned: 0 };
  const vote = (bit: number, one: number) => (out.votes[bit] += one ? 1 : -1);
  for (let i = 0; i < copy.han.length; i++) {
    const k = map[i];
    if (k < 0) continue;
    out.aligned++;
    const slot = slotOfHan(k);
    if (slot.kind === "zw" && copy.zw[i] !== undefined) {
      vote(slot.bit, copy.zw[i]!);
      out.zw++;
    } else if (slot.kind === "vs" && copy.vs[i] !== undefined) {
      vote(2 * slot.pair, copy.vs[i]! >> 1);
      vote(2 * slot.pair + 1, copy.vs[i]! & 1);
      out.vs++;
    }
  }
  return out;
}

/** How well a candidate's codeword fits the votes: bits voted on, and how many of them agree. */
export function agreement(votes: Int16Array, bits: Uint8Array): { seen: number; agree: number } {
  let seen = 0;
  let agree = 0;
  for (let i = 0; i < votes.length; i++) {
    if (votes[i] === 0) continue;
    seen++;
    if ((votes[i] > 0 ? 1 : 0) === bits[i]) agree++;
  }
  return { seen, agree };
}

/** P(X ≥ agree) for X ~ Binomial(seen, 1/2): how likely a codeword that has nothing to do with the copy fits this well. */
export function chanceFit(seen: number, agree: number): number {
  if (agree <= 0) return 1;
  let logC = 0; // log C(seen, j), built up from j = 0
  let total = 0;
  for (let j = 0; j <= seen; j++) {
    if (j > 0) logC += Math.log(seen - j + 1) - Math.log(j);
    if (j >= agree) total += Math.exp(logC - seen * Math.LN2);
  }
  return Math.min(1, total);
}
