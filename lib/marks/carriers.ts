import { CODEWORD_BITS } from "@/lib/marks/sizes";

/**
 * The characters that carry a mark, chosen by measurement (docs/marks.md has the table,
 * `npm run marks:survival` repeats it in Chromium). Two carriers, each alone enough to trace
 * ~300 characters:
 * - zero-width: U+200B ZERO WIDTH SPACE / U+200C ZERO WIDTH NON-JOINER, one bit, placed only
 *   between two Han characters (where a line may break anyway). ZWJ and WORD JOINER were
 *   rejected: they change where lines wrap.
 * - variation selectors VS5–VS8 (U+FE04–FE07) after a Han character, two bits. No font defines
 *   these sequences for Han (VS1–VS3 are used by CJK compatibility forms, VS15/16 pick emoji), so
 *   the glyph stays the base glyph; they are category Mn, so tools that strip format characters
 *   (Cf: the zero-width ones) keep them.
 * Both are invisible, survive copying from Chromium, NFKC and whitespace collapsing, and a screen
 * reader does not read them. Measured and rejected: NBSP (Chromium copies it as a space), full/
 * half-width punctuation (visible), and the look-alike dash and dots (U+2015 for U+2014 and the
 * like — identical on screen in Chinese fonts, but screen readers name them differently).
 */
export const ZW = ["\u200B", "\u200C"] as const;
export const VS = ["\uFE04", "\uFE05", "\uFE06", "\uFE07"] as const;

/** Bits each stream repeats: a zero-width slot carries bit i, a VS slot bits 2p and 2p+1. */
export const ZW_PERIOD = CODEWORD_BITS;
export const VS_PERIOD = CODEWORD_BITS / 2;

/** Where a carrier goes, by what it carries. */
export type Slot = { kind: "zw"; bit: number } | { kind: "vs"; pair: number };

const HAN = /\p{Script=Han}/u;
const MARK_OR_FORMAT = /[\p{M}\p{Cf}]/u;
export const isHan = (ch: string) => HAN.test(ch);
export const isMarkOrFormat = (ch: string) => MARK_OR_FORMAT.test(ch);

const ZW_VALUE = new Map<string, number>(ZW.map((c, i) => [c, i]));
const VS_VALUE = new Map<string, number>(VS.map((c, i) => [c, i]));
export const zwValue = (ch: string) => ZW_VALUE.get(ch);
export const vsValue = (ch: string) => VS_VALUE.get(ch);

/** The character a reader's codeword puts in a slot. */
export function carrierFor(slot: Slot, bits: Uint8Array): string {
  switch (slot.kind) {
    case "zw":
      return ZW[bits[slot.bit]];
    case "vs":
      return VS[bits[2 * slot.pair] * 2 + bits[2 * slot.pair + 1]];
  }
}

/**
 * Placeholders for the page cache's template (lib/marks/template.ts): one Private Use character per
 * slot, as many UTF-8 bytes (3) as every carrier, so filling a template in changes no length —
 * React's payload states the byte length of long strings.
 */
export const PLACEHOLDER_BASE = 0xe000;
const ZW_BASE = PLACEHOLDER_BASE;
const VS_BASE = ZW_BASE + ZW_PERIOD;
/** Stands for the reader label in the optional visible line. */
export const LABEL_PLACEHOLDER = String.fromCharCode(VS_BASE + VS_PERIOD);
export const PLACEHOLDER_COUNT = ZW_PERIOD + VS_PERIOD + 1;
/** Any character a template may use: content holding one is never turned into a template. */
export const PLACEHOLDER_RANGE = /[\uE000-\uE090]/;

export function placeholderFor(slot: Slot): string {
  switch (slot.kind) {
    case "zw":
      return String.fromCharCode(ZW_BASE + slot.bit);
    case "vs":
      return String.fromCharCode(VS_BASE + slot.pair);
  }
}

/** The slot a placeholder (index from PLACEHOLDER_BASE) stands for; null for the label. */
export function slotOfPlaceholder(index: number): Slot | null {
  if (index < ZW_PERIOD) return { kind: "zw", bit: index };
  if (index < ZW_PERIOD + VS_PERIOD) return { kind: "vs", pair: index - ZW_PERIOD };
  return null;
}
