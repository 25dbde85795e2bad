import { decodeVotes, type Decoded } from "@/lib/marks/codec";
import type { Skeleton } from "@/lib/marks/schedule";
import { alignHan, gramIndex } from "@/lib/trace/align";
import { readCopy, type CopyReading } from "@/lib/trace/read-copy";
import { collectVotes, type Votes } from "@/lib/trace/votes";

/** An original post prepared for tracing: its skeleton in one delivered form, and the anchor index. */
export interface Prepared {
  skeleton: Skeleton;
  index: Map<string, number[]>;
}

export const prepare = (skeleton: Skeleton): Prepared => ({ skeleton, index: gramIndex(skeleton.han) });

/** What a copy says against one original: the votes, and the code Reed-Solomon makes of them (if any). */
export interface Evidence extends Votes {
  decoded: Decoded | null;
  /** Han characters in the copy. */
  copyHan: number;
}

export function evidence(copy: CopyReading | string, original: Prepared): Evidence {
  const reading = typeof copy === "string" ? readCopy(copy) : copy;
  const map = alignHan(reading.han, original.skeleton.han, original.index);
  const votes = collectVotes(reading, map);
  return { ...votes, decoded: decodeVotes(votes.votes), copyHan: reading.han.length };
}
