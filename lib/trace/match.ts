import { codeFromHex, codeHex, codewordBits } from "@/lib/marks/codec";
import { agreement, chanceFit } from "@/lib/trace/votes";
import type { Evidence } from "@/lib/trace/evidence";

/**
 * Which delivered mark a copy's evidence points at, and how sure that is. Two ways, both over the
 * marks actually delivered for the post (DeliveryMark rows — a mark never delivered cannot have
 * leaked): the code Reed-Solomon decoded, if one of them has it; otherwise the mark whose codeword
 * the votes fit best. Either way the confidence is 1 − N·P, where P is the chance that a codeword
 * unrelated to the copy fits its votes at least as well (binomial, one half per bit) and N the
 * number of marks that could have been tried: the chance of naming the wrong purchase.
 */
export const MIN_CONFIDENCE = 0.999;

export interface Candidate {
  code: string;
}

export interface Fit<C extends Candidate> {
  candidate: C;
  method: "reed-solomon" | "best-fit";
  seen: number;
  agree: number;
  confidence: number;
}

export function bestFit<C extends Candidate>(e: Evidence, candidates: C[]): Fit<C> | null {
  if (candidates.length === 0) return null;
  const n = candidates.length;
  const score = (c: C) => {
    const { seen, agree } = agreement(e.votes, codewordBits(codeFromHex(c.code)));
    return { seen, agree, confidence: Math.max(0, 1 - n * chanceFit(seen, agree)) };
  };
  const decoded = e.decoded ? codeHex(e.decoded.code) : null;
  const exact = decoded ? candidates.find((c) => c.code === decoded) : undefined;
  if (exact) {
    // Noise would have to decode to a valid codeword and that to one of the n delivered codes (of 2^40).
    const s = score(exact);
    return { candidate: exact, method: "reed-solomon", ...s, confidence: Math.max(s.confidence, 1 - n * 2 ** -40) };
  }
  let best: Fit<C> | null = null;
  for (const c of candidates) {
    const s = score(c);
    if (!best || s.agree - s.seen / 2 > best.agree - best.seen / 2) best = { candidate: c, method: "best-fit", ...s };
  }
  return best;
}
