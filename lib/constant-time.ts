import { createHash, timingSafeEqual } from "node:crypto";

/**
 * The one constant-time comparison, for anything an attacker may guess byte by byte: signatures,
 * tokens, keys, passwords. Both sides are hashed first, so the time taken says nothing about where
 * they differ nor how long the expected value is, and no caller has to equalise lengths (or forget
 * to). A missing value never matches.
 */
export function sameSecret(given: string | Buffer | null | undefined, expected: string | Buffer): boolean {
  if (given === null || given === undefined) return false;
  return timingSafeEqual(digest(given), digest(expected));
}

const digest = (v: string | Buffer) => createHash("sha256").update(v).digest();
