/**
 * A vocabulary of states: the stored strings, the one Chinese word an owner or a reader sees for each, and a
 * tone the admin kit colours it by. Each domain declares its own in its home (lib/orders/status.ts,
 * lib/payments/status.ts, lib/claims/vocab.ts …); components import the words from there and hold none.
 * Client-safe: no imports, no zod.
 */

/** How a state looks in a list: good news, needs the owner, bad news, plain, or faded into the background. */
export type Tone = "good" | "warn" | "bad" | "neutral" | "muted";

/** What the owner reads for a stored string this build does not know (an older or newer row): shown, never a crash. */
export const UNKNOWN_STATE_LABEL = "未知状态";

export interface Vocabulary<S extends string> {
  /** Every state, in the order the words were declared (filters list them so); never empty. */
  readonly values: readonly [S, ...S[]];
  /** A stored string as a state, parsed once where rows are read; null for one this build does not know. */
  parse(stored: string | null | undefined): S | null;
  is(value: unknown): value is S;
  label(state: S | null | undefined): string;
  tone(state: S | null | undefined): Tone;
}
export type StateOf<V> = V extends Vocabulary<infer S> ? S : never;

/** The states are the keys of `words`; a state without a tone is neutral. */
export function vocabulary<const S extends string>(words: Record<S, string>, tones: Partial<Record<S, Tone>> = {}): Vocabulary<S> {
  // The keys of a Record<S, …> are exactly S; Object.keys only cannot say so.
  const [first, ...rest] = Object.keys(words) as S[];
  if (first === undefined) throw new Error("a vocabulary needs at least one state");
  const known = new Set<string>([first, ...rest]);
  const is = (value: unknown): value is S => typeof value === "string" && known.has(value);
  return {
    values: [first, ...rest],
    is,
    parse: (stored) => (is(stored) ? stored : null),
    label: (state) => (is(state) ? words[state] : UNKNOWN_STATE_LABEL),
    tone: (state) => (is(state) ? (tones[state] ?? "neutral") : "muted"),
  };
}

/** An on/off flag the owner switches (a merchant, coupon, alert, device, account, code): the same two words everywhere. */
export const SWITCH_STATE = vocabulary({ on: "已启用", off: "已停用" }, { on: "good", off: "muted" });
export type SwitchState = StateOf<typeof SWITCH_STATE>;
export const switchState = (enabled: boolean): SwitchState => (enabled ? "on" : "off");
