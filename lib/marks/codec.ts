import EncoderModule from "@zxing/library/cjs/core/common/reedsolomon/ReedSolomonEncoder.js";
import DecoderModule from "@zxing/library/cjs/core/common/reedsolomon/ReedSolomonDecoder.js";
import FieldModule from "@zxing/library/cjs/core/common/reedsolomon/GenericGF.js";

/**
 * The error-correcting code under every mark: Reed-Solomon over GF(256) (ZXing's
 * implementation, the one QR codes use), 5 data bytes (the 40-bit mark code) and
 * 7 check bytes — a 12-byte, 96-bit codeword that corrects any 3 wrong bytes.
 * The carriers (carriers.ts) spread these bits through the text over and over
 * (schedule.ts), so an excerpt yields several votes for most bits; decodeVotes
 * takes the majority per bit and lets Reed-Solomon repair what the votes got
 * wrong or never saw (an unseen byte is sent as 0, i.e. as one more error).
 */
import { CHECK_BYTES, CODEWORD_BITS, CODEWORD_BYTES, DATA_BYTES } from "@/lib/marks/sizes";

export { CHECK_BYTES, CODEWORD_BITS, CODEWORD_BYTES, DATA_BYTES };

// The deep CommonJS paths load the codec alone (not the whole barcode library); bundlers and Node
// disagree on whether a default import is the class or { default: class }.
const unwrap = <T>(m: T | { default: T }): T => (m as { default?: T }).default ?? (m as T);
const Encoder = unwrap(EncoderModule);
const Decoder = unwrap(DecoderModule);
const field = unwrap(FieldModule).QR_CODE_FIELD_256;
const encoder = new Encoder(field);
const decoder = new Decoder(field);

/** The 96 bits (0/1, most significant bit of each byte first) that carry a 5-byte code. */
export function codewordBits(code: Uint8Array): Uint8Array {
  if (code.length !== DATA_BYTES) throw new Error(`a mark code is ${DATA_BYTES} bytes`);
  const words = new Int32Array(CODEWORD_BYTES);
  words.set(code);
  encoder.encode(words, CHECK_BYTES);
  const bits = new Uint8Array(CODEWORD_BITS);
  for (let i = 0; i < CODEWORD_BITS; i++) bits[i] = (words[i >> 3] >> (7 - (i & 7))) & 1;
  return bits;
}

export interface Decoded {
  code: Uint8Array;
  /** Bytes Reed-Solomon had to repair (wrong or never seen). */
  repaired: number;
  /** Bytes with at least one bit no carrier voted for. */
  unseenBytes: number;
}

/**
 * Votes per codeword bit (positive: 1, negative: 0, 0: no vote) → the code, or
 * null when Reed-Solomon cannot make a valid codeword of them.
 */
export function decodeVotes(votes: ArrayLike<number>): Decoded | null {
  const words = new Int32Array(CODEWORD_BYTES);
  let unseenBytes = 0;
  for (let b = 0; b < CODEWORD_BYTES; b++) {
    let byte = 0;
    let unseen = false;
    for (let i = 0; i < 8; i++) {
      const v = votes[b * 8 + i];
      if (v === 0) unseen = true;
      byte = (byte << 1) | (v > 0 ? 1 : 0);
    }
    if (unseen) unseenBytes++;
    words[b] = byte;
  }
  // More unseen bytes than the code can repair: whatever comes out would be a guess.
  if (unseenBytes > CHECK_BYTES / 2) return null;
  try {
    const repaired = decoder.decodeWithECCount(words, CHECK_BYTES);
    return { code: Uint8Array.from(words.subarray(0, DATA_BYTES)), repaired, unseenBytes };
  } catch {
    return null;
  }
}

export const codeHex = (code: Uint8Array) => Buffer.from(code).toString("hex");
export const codeFromHex = (hex: string) => Uint8Array.from(Buffer.from(hex, "hex"));
