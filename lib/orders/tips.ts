import { config } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { formatCents } from "@/lib/money";

/** The owner's tip settings (TIP_MIN_CENTS, TIP_MAX_CENTS, TIP_PRESETS_CENTS). */
export interface TipOptions {
  minCents: number;
  maxCents: number;
  /** Preset buttons, within the limits. */
  presetsCents: number[];
}

export function tipOptions(): TipOptions {
  const c = config();
  const minCents = Math.min(c.TIP_MIN_CENTS, c.TIP_MAX_CENTS);
  const maxCents = Math.max(c.TIP_MIN_CENTS, c.TIP_MAX_CENTS);
  const presetsCents = [...new Set(c.TIP_PRESETS_CENTS.split(",").map(Number))]
    .filter((p) => p >= minCents && p <= maxCents)
    .sort((a, b) => a - b);
  return { minCents, maxCents, presetsCents };
}

export function checkTipAmount(amountCents: number): void {
  const { minCents, maxCents } = tipOptions();
  if (amountCents < minCents || amountCents > maxCents) {
    throw new AppError("invalid_input", `赞赏金额需在 ¥${formatCents(minCents)} 到 ¥${formatCents(maxCents)} 之间。`);
  }
}
