import type { Tone, Vocabulary } from "@/lib/vocabulary";
import { TONE_DOT, TONE_PILL, TONE_TEXT } from "@/components/tone";

interface StateProps<S extends string> {
  /** The state's vocabulary (lib/<domain>/status.ts …): the word and the tone come from there. */
  vocab: Vocabulary<S>;
  state: S | null;
  className?: string;
}

/** A state as a small coloured pill: 已发布, 已付款·通知失败 … */
export function StateBadge<S extends string>({ vocab, state, className = "" }: StateProps<S>) {
  return <span className={`rounded px-1.5 text-xs ${TONE_PILL[vocab.tone(state)]} ${className}`}>{vocab.label(state)}</span>;
}

/** A state as coloured text in a row: 待处理, 手机在线 … */
export function StateText<S extends string>({ vocab, state, className = "" }: StateProps<S>) {
  return <span className={`${TONE_TEXT[vocab.tone(state)]} ${className}`}>{vocab.label(state)}</span>;
}

/** The dot before a phone or an account: green online, red offline, grey switched off. */
export function StateDot({ tone }: { tone: Tone }) {
  return <span className={`h-2.5 w-2.5 shrink-0 rounded-full ${TONE_DOT[tone]}`} aria-hidden />;
}

/** A pill for a flag that is not a state (迟到, 演示, 默认). */
export function Badge({ tone = "neutral", title, children }: { tone?: Tone; title?: string; children: React.ReactNode }) {
  return (
    <span className={`rounded px-1.5 text-xs ${TONE_PILL[tone]}`} title={title}>
      {children}
    </span>
  );
}
