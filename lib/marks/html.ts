import { decodeHTML } from "entities";
import { markUnits, skeletonOf, type Skeleton, type TextUnit } from "@/lib/marks/schedule";
import type { Slot } from "@/lib/marks/carriers";

/**
 * Marks in rendered post HTML (the sanitised output of renderMarkdown): carriers go into text
 * only, never into a tag, an attribute or an entity (they follow a Han character, which no entity
 * spells here), and never into code — copied code must still run.
 */
const UNMARKED = new Set(["code", "pre", "script", "style", "textarea", "kbd", "samp"]);
const TOKEN = /(<!--[\s\S]*?-->|<[^>]*>)/;

interface Part extends TextUnit {
  tag: boolean;
}

function partsOf(html: string): Part[] {
  const parts: Part[] = [];
  let skipping = 0;
  for (const piece of html.split(TOKEN)) {
    if (!piece) continue;
    if (piece.startsWith("<")) {
      const m = /^<(\/?)([a-zA-Z0-9]+)/.exec(piece);
      if (m && UNMARKED.has(m[2].toLowerCase()) && !piece.endsWith("/>")) skipping = Math.max(0, skipping + (m[1] ? -1 : 1));
      parts.push({ text: piece, markable: false, tag: true });
    } else parts.push({ text: piece, markable: skipping === 0, tag: false });
  }
  return parts;
}

/** The HTML with `put(slot)` inserted at every slot (a reader's carriers, or a template's placeholders). */
export function markHtmlWith(html: string, put: (slot: Slot) => string): string {
  const parts = partsOf(html);
  // Tags are not text: not a place for a carrier, not "the next character" either.
  const marked = markUnits(
    parts.filter((p) => !p.tag),
    put,
  );
  let i = 0;
  return parts.map((p) => (p.tag ? p.text : marked[i++])).join("");
}

/** The Han characters of the post's prose as a browser shows it (entities decoded). */
export function htmlSkeleton(html: string): Skeleton {
  return skeletonOf(parts(html));
}

const parts = (html: string): TextUnit[] =>
  partsOf(html).map((p) => (p.tag ? { text: "", markable: false } : { ...p, text: decodeHTML(p.text) }));
