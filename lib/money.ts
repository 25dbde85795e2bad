// Money helpers. Amounts live as integer cents (分) everywhere; yuan strings only at the edges.
// Conversion is pure string arithmetic: parseFloat("0.29") * 100 === 28.999999999999996, and a
// paywall that rounds that the wrong way under-charges or rejects exact payments.

// Either plain digits or correctly grouped thousands ("1,430"), then at most two decimals.
// Anything looser ("1,43", ".5", "1.", "+1", "1e3") is garbage from an unexpected source.
const YUAN_RE = /^(\d+|\d{1,3}(?:,\d{3})+)(?:\.(\d{1,2}))?$/;

/** "1" → 100, "1.5" → 150, "0.01" → 1, "1,430.00" → 143000; null for anything else. */
export function yuanToCents(s: string): number | null {
  const m = YUAN_RE.exec(s.trim());
  if (!m) return null;
  const whole = m[1].replaceAll(",", "");
  const frac = (m[2] ?? "").padEnd(2, "0");
  // Concatenate digits instead of multiplying, then guard against precision loss.
  const cents = Number(whole + frac);
  return Number.isSafeInteger(cents) ? cents : null;
}

/** 99 → "0.99", 100 → "1.00", 143000 → "1430.00" (no grouping: used in QR labels and logs). */
export function formatCents(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`not integer cents: ${cents}`);
  const sign = cents < 0 ? "-" : "";
  const digits = String(Math.abs(cents)).padStart(3, "0");
  return `${sign}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}
