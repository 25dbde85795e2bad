/**
 * A vocabulary of states: the stored strings, the one Chinese word an owner or a reader sees for each, and a
 * tone the admin kit colours it by. Each domain declares its own in its home (lib/orders/status.ts,
 * lib/payments/status.ts, lib/claims/vocab.ts …); components import the words from there and hold none.
 * Client-safe: no imports, no zod.
 */

/** How a state looks in a list: good news, needs the owner, bad news, plain, or faded into the background. */
export type Tone = "good" | "warn" | "bad" | "neutral" | "muted";

type Word = string | { label: string; tone: Tone };

/** What the owner reads for a stored string this build does not know (an older or newer row): shown, never a crash. */
export const UNKNOWN_STATE_LABEL = "未知状态";

export interface Vocabulary<S extends string> {
  readonly values: readonly S[];
  /** A stored string as a state, parsed once where rows are read; null for one this build does not know. */
  parse(stored: string | null | undefined): S | null;
  is(value: unknown): value is S;
  label(state: S | null | undefined): string;
  tone(state: S | null | undefined): Tone;
}

export function vocabulary<const S extends string>(values: readonly S[], words: Record<S, Word>): Vocabulary<S> {
  const known = new Set<string>(values);
  const is = (value: unknown): value is S => typeof value === "string" && known.has(value);
  const entry = (state: S | null | undefined) => (is(state) ? words[state] : null);
  return {
    values,
    is,
    parse: (stored) => (is(stored) ? stored : null),
    label(state) {
      const w = entry(state);
      return w === null ? UNKNOWN_STATE_LABEL : typeof w === "string" ? w : w.label;
    },
    tone(state) {
      const w = entry(state);
      return w === null ? "muted" : typeof w === "string" ? "neutral" : w.tone;
    },
  };
}

/** An on/off flag the owner switches (a merchant, coupon, alert, device, account, code): the same two words everywhere. */
export const SWITCH_STATES = ["on", "off"] as const;
export type SwitchState = (typeof SWITCH_STATES)[number];
export const SWITCH_STATE = vocabulary(SWITCH_STATES, {
  on: { label: "已启用", tone: "good" },
  off: { label: "已停用", tone: "muted" },
});
export const switchState = (enabled: boolean): SwitchState => (enabled ? "on" : "off");
