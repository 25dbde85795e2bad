/**
 * The payee name a reader sees in their wallet (Account.payeeName), as a receipt shows it:
 * all but the last character masked, the way the wallets show real names (「**明」). Pure, client-safe.
 */
export function maskPayee(name: string | null | undefined): string | null {
  const chars = [...(name ?? "").trim()];
  if (chars.length === 0) return null;
  if (chars.length === 1) return chars[0];
  return "*".repeat(Math.min(chars.length - 1, 4)) + chars[chars.length - 1];
}
