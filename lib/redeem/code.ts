import { randomBytes } from "node:crypto";

/**
 * Redeem code text. 16 characters of Crockford's base32 (no I, L, O, U) carry
 * 80 random bits: guessing one among even a million live codes takes ~2^60
 * tries, and the rate limits (redeem.ts) allow a few per minute. Readers type
 * them from chats and screenshots, so input is forgiving: case, spaces and
 * dashes do not matter, and O/I/L read as 0/1/1.
 */
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const CODE_LENGTH = 16;

export function generateCode(): string {
  // 32 divides 256, so taking 5 bits of each byte is uniform.
  return [...randomBytes(CODE_LENGTH)].map((b) => ALPHABET[b & 31]).join("");
}

/** The stored form of what a reader typed, or null when it cannot be a code. */
export function normalizeCode(input: string): string | null {
  const s = input.toUpperCase().replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
  if (s.length !== CODE_LENGTH) return null;
  for (const ch of s) if (!ALPHABET.includes(ch)) return null;
  return s;
}

/** ABCD-EFGH-JKMN-PQRS: how codes are shown and exported. */
export function formatCode(code: string): string {
  return code.match(/.{1,4}/g)!.join("-");
}
