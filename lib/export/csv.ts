import { stringify } from "csv-stringify/sync";
import { chinaWallClock } from "@/lib/china-time";

/**
 * CSV for Excel: UTF-8 with a BOM (without it Excel reads Chinese as GBK
 * garbage), CRLF lines, and text that a spreadsheet would run as a formula
 * (=, +, -, @ at the start: notification texts come from outside) prefixed
 * with an apostrophe. Pure.
 */
export const BOM = "\uFEFF";

export function safeCell(v: unknown): string {
  if (v === null || v === undefined) return "";
  const s = v instanceof Date ? chinaWallClock(v) : String(v);
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

export function csvLines(rows: unknown[][]): string {
  return stringify(
    rows.map((r) => r.map(safeCell)),
    // Quote line breaks too: Excel ends a row at a bare \n inside an unquoted cell.
    { record_delimiter: "\r\n", quoted_match: /[\r\n]/ },
  );
}
