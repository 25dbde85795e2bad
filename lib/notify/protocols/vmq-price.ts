// The `price` a V免签 monitor app sends, in integer cents. Pure.
// The original app (szvone/vmqApk NeNotificationService2) sends Java's Double.toString of the
// amount it read: "0.01", "0.8", "1.0", "1430.0", and from 10^7 yuan on scientific notation
// ("1.0E7", "1.2345678E7"); forks send String.format("%.2f") ("1.00"). Hand-typed test URLs may
// carry thousands separators. Everything else is refused. String arithmetic only, never floats.
import { yuanToCents } from "@/lib/money";

const JAVA_DOUBLE = /^(\d+)(?:\.(\d+))?E(-?\d{1,3})$/;

/** Cents for a price string; null when it is not a clean amount (more than two decimals, junk). */
export function vmqPriceToCents(price: string): number | null {
  const plain = yuanToCents(price);
  if (plain !== null) return plain;
  const m = JAVA_DOUBLE.exec(price.trim());
  if (!m) {
    // Double.toString keeps a ".0" even for whole numbers, which yuanToCents already reads;
    // more than two decimals ("0.001") is not a cent amount.
    return null;
  }
  const digits = BigInt(m[1] + (m[2] ?? ""));
  // value = digits × 10^(exponent − decimals) yuan = digits × 10^(exponent − decimals + 2) cents
  const shift = Number(m[3]) - (m[2]?.length ?? 0) + 2;
  let cents: bigint;
  if (shift >= 0) cents = digits * 10n ** BigInt(shift);
  else {
    const unit = 10n ** BigInt(-shift);
    if (digits % unit !== 0n) return null;
    cents = digits / unit;
  }
  // Larger than any safe integer is still "a huge amount": callers cap it (absurd_amount).
  return cents > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(cents);
}
