import { isDash, isHan, vsValue, zwValue } from "@/lib/marks/carriers";

/**
 * What a pasted copy still holds: its Han characters in order and, after each, the carriers
 * that followed it (a zero-width character, a variation selector) and the dash variant of a
 * dash run before the next Han character. Everything else — punctuation, Latin text, spaces,
 * line breaks — is ignored, so normalising whitespace or punctuation (NFKC) changes nothing here.
 */
export interface CopyReading {
  han: string[];
  zw: (number | undefined)[];
  vs: (number | undefined)[];
  /** 0: U+2014, 1: U+2015, undefined: no dash run (or a mixed one) after Han character i. */
  dash: (number | undefined)[];
  /** Carrier characters seen at all (0: an unmarked or scrubbed copy). */
  carriers: number;
}

export function readCopy(text: string): CopyReading {
  const r: CopyReading = { han: [], zw: [], vs: [], dash: [], carriers: 0 };
  let dashRun: number | null | undefined; // the run after the last Han character: variant, null if mixed
  for (const ch of text) {
    const last = r.han.length - 1;
    if (isHan(ch)) {
      if (last >= 0 && dashRun !== undefined && dashRun !== null) r.dash[last] = dashRun;
      dashRun = undefined;
      r.han.push(ch);
      continue;
    }
    if (last < 0) continue;
    const z = zwValue(ch);
    const v = vsValue(ch);
    if (z !== undefined || v !== undefined) {
      r.carriers++;
      if (z !== undefined && r.zw[last] === undefined) r.zw[last] = z;
      if (v !== undefined && r.vs[last] === undefined) r.vs[last] = v;
      continue;
    }
    if (isDash(ch)) {
      const variant = ch === "\u2015" ? 1 : 0;
      dashRun = dashRun === undefined ? variant : dashRun === variant ? variant : null;
      if (variant === 1) r.carriers++;
    } else if (dashRun !== undefined && !/\s/.test(ch)) {
      // The run ended at something else than a Han character: keep it for the last one.
      if (dashRun !== null) r.dash[last] = dashRun;
      dashRun = null;
    }
  }
  const last = r.han.length - 1;
  if (last >= 0 && dashRun !== undefined && dashRun !== null) r.dash[last] = dashRun;
  return r;
}
