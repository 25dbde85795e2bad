/** The codeword's shape (codec.ts), apart so the custom server's template code loads no codec. */
export const DATA_BYTES = 5;
export const CHECK_BYTES = 7;
export const CODEWORD_BYTES = DATA_BYTES + CHECK_BYTES;
export const CODEWORD_BITS = CODEWORD_BYTES * 8;
