import { isHan, isMarkOrFormat, ZW_PERIOD, VS_PERIOD, type Slot } from "@/lib/marks/carriers";

/**
 * Where the carriers go in a text, the same rule for every form a post is delivered in (page
 * HTML, feed, EPUB, Markdown): a text is a list of units, some markable (prose) and some not
 * (code, tags, link targets). Han characters of markable units are numbered k = 0, 1, 2, … in
 * order; after Han character k goes
 * - k even: a zero-width carrier of bit (k/2 mod 96), only when the next character is Han too;
 * - k odd: a variation selector carrying bits 2p, 2p+1 with p = ((k-1)/2 mod 48).
 * Numbering by Han characters only makes the slots of one post the same in every form (markup and
 * punctuation do not count) and lets the tracer find them again in a pasted copy
 * (lib/trace/align.ts). Nothing goes where the next character is already a combining mark or
 * format character.
 */
export interface TextUnit {
  text: string;
  markable: boolean;
}

/** The Han characters of a markable text, in order (index = k): what the tracer aligns a copy against. */
export interface Skeleton {
  han: string[];
}

/** Calls `put(slot)` for every slot, in text order, and returns the units with what it returned inserted. */
export function markUnits(units: TextUnit[], put: (slot: Slot) => string): string[] {
  const flat: { ch: string; unit: number }[] = [];
  units.forEach((u, unit) => {
    for (const ch of u.text) flat.push({ ch, unit });
  });
  const out = units.map(() => "");
  let k = 0;
  for (let i = 0; i < flat.length; i++) {
    const { ch, unit } = flat[i];
    out[unit] += ch;
    if (!units[unit].markable || !isHan(ch)) continue;
    const slot = slotAfter(k++, flat[i + 1]?.ch ?? "");
    if (slot) out[unit] += put(slot);
  }
  return out;
}

function slotAfter(k: number, next: string): Slot | null {
  if (next && isMarkOrFormat(next)) return null;
  if (k % 2 === 1) return slotOfHan(k);
  return isHan(next) ? slotOfHan(k) : null;
}

/** The slot Han character k carries when its neighbour allows one (for the tracer). */
export function slotOfHan(k: number): Slot {
  return k % 2 === 1 ? { kind: "vs", pair: ((k - 1) / 2) % VS_PERIOD } : { kind: "zw", bit: (k / 2) % ZW_PERIOD };
}

export function skeletonOf(units: TextUnit[]): Skeleton {
  const han: string[] = [];
  for (const u of units) if (u.markable) for (const ch of u.text) if (isHan(ch)) han.push(ch);
  return { han };
}
