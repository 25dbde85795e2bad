import { isHan, vsValue, zwValue } from "@/lib/marks/carriers";

/**
 * What a pasted copy still holds: its Han characters in order and, after each, the carriers
 * that followed it (a zero-width character, a variation selector). Everything else —
 * punctuation, Latin text, spaces, line breaks — is ignored, so normalising whitespace or
 * punctuation (NFKC) changes nothing here.
 */
export interface CopyReading {
  han: string[];
  zw: (number | undefined)[];
  vs: (number | undefined)[];
  /** Carrier characters seen at all (0: an unmarked or scrubbed copy). */
  carriers: number;
}

export function readCopy(text: string): CopyReading {
  const r: CopyReading = { han: [], zw: [], vs: [], carriers: 0 };
  for (const ch of text) {
    if (isHan(ch)) {
      r.han.push(ch);
      continue;
    }
    const last = r.han.length - 1;
    const z = zwValue(ch);
    const v = vsValue(ch);
    if (last < 0 || (z === undefined && v === undefined)) continue;
    r.carriers++;
    if (z !== undefined && r.zw[last] === undefined) r.zw[last] = z;
    if (v !== undefined && r.vs[last] === undefined) r.vs[last] = v;
  }
  return r;
}
