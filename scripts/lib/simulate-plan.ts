/** The simulator's fixed mix of reader behaviours. */

export type Behaviour = "on_time" | "late" | "cancel_then_pay" | "after_grace" | "duplicated" | "echo" | "forged" | "stale" | "abandon";

/** Out of every 20 readers: 9 on time, 2 late, 1 cancel-then-pay, 1 after grace, 2 duplicated, 1 echo, 1 forged, 1 stale, 2 abandon. */
const MIX: Behaviour[] = [
  "on_time",
  "on_time",
  "on_time",
  "on_time",
  "on_time",
  "on_time",
  "on_time",
  "on_time",
  "on_time",
  "late",
  "late",
  "cancel_then_pay",
  "after_grace",
  "duplicated",
  "duplicated",
  "echo",
  "forged",
  "stale",
  "abandon",
  "abandon",
];

export const behaviourOf = (i: number): Behaviour => MIX[i % MIX.length];
