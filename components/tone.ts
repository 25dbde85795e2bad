import type { Tone } from "@/lib/vocabulary";

/**
 * The colours of a state's tone (lib/vocabulary.ts), in the shapes the pages use: a pill, plain text,
 * a dot, a panel. The words come from the vocabularies; only the colours live here.
 */
export const TONE_PILL: Record<Tone, string> = {
  good: "bg-emerald-100 text-emerald-800",
  warn: "bg-amber-100 text-amber-800",
  bad: "bg-red-100 text-red-800",
  neutral: "bg-stone-100 text-stone-700",
  muted: "bg-stone-200 text-stone-600",
};

export const TONE_TEXT: Record<Tone, string> = {
  good: "text-emerald-700",
  warn: "text-amber-700",
  bad: "font-medium text-red-600",
  neutral: "text-stone-600",
  muted: "text-stone-400",
};

export const TONE_DOT: Record<Tone, string> = {
  good: "bg-emerald-500",
  warn: "bg-amber-400",
  bad: "bg-red-500",
  neutral: "bg-stone-400",
  muted: "bg-stone-300",
};

export const TONE_PANEL: Record<Tone, string> = {
  good: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  warn: "bg-amber-50 text-amber-900 ring-amber-200",
  bad: "bg-red-50 text-red-800 ring-red-200",
  neutral: "bg-stone-50 text-stone-700 ring-stone-200",
  muted: "bg-stone-100 text-stone-700 ring-stone-200",
};
