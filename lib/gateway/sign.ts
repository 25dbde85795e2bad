import { createHash } from "node:crypto";
import { sameSecret } from "@/lib/constant-time";

/**
 * The two merchant protocols' MD5 signatures, exactly as their published
 * servers compute them (docs/gateway.md §签名). Pure; the key is the merchant's.
 */
export const md5 = (s: string): string => createHash("md5").update(s, "utf8").digest("hex");

/**
 * 易支付: drop sign, sign_type and empty values, sort keys by byte order, join
 * raw (not URL-encoded) `k=v` with `&`, append the key — directly, or after
 * "&key=" for the variant some clients use — and take the lowercase MD5.
 */
export function epaySignString(params: Record<string, string>): string {
  return Object.keys(params)
    .filter((k) => k !== "sign" && k !== "sign_type" && params[k] !== "")
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((k) => `${k}=${params[k]}`)
    .join("&");
}

export function epaySign(params: Record<string, string>, key: string, variant: "plain" | "amp" = "plain"): string {
  const base = epaySignString(params);
  return md5(variant === "amp" ? `${base}&key=${key}` : base + key);
}

/** Constant-time comparison of two hex signatures (case-sensitive, as the servers compare with ===). */
export function sameSign(expected: string, given: string | undefined): boolean {
  return typeof given === "string" && sameSecret(given, expected);
}

/** Checks an 易支付 request's sign; the "&key=" variant only when the merchant allows it. */
export function epayVerify(params: Record<string, string>, key: string, allowAmp: boolean): boolean {
  if (sameSign(epaySign(params, key), params.sign)) return true;
  return allowAmp && sameSign(epaySign(params, key, "amp"), params.sign);
}

/** V免签: the fields' raw strings concatenated in the protocol's order, then the key. */
export function vmqSign(parts: string[], key: string): string {
  return md5(parts.join("") + key);
}
