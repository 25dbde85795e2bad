import { yuanToCents } from "@/lib/money";
import { fromChinaWallClock } from "@/lib/china-time";

/**
 * Cell values of WeChat / Alipay bill exports: padded with spaces and TABs,
 * amounts like `¥1,234.56` / `￥0.99` / `12.00`, times in China wall-clock time
 * (`2025-03-31 21:08:15`, `2025/3/31 21:08` after an Excel re-save). Pure.
 */
export function clean(cell: unknown): string {
  return String(cell ?? "")
    .replace(/^\uFEFF/, "")
    .replace(/[\t\u00a0]/g, " ")
    .trim();
}

/** Integer cents of a bill amount, or null when it is not one. */
export function billAmountCents(cell: string): number | null {
  const s = clean(cell).replace(/^[¥￥]\s*/, "");
  if (!s || s.startsWith("-")) return null;
  // Bills print no grouping, but an Excel re-save can add it (also to whole thousands).
  if (/^\d{1,3}(,\d{3})+(\.\d{1,2})?$/.test(s) || /^\d+(\.\d{1,2})?$/.test(s)) return yuanToCents(s);
  return null;
}

const TIME = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

/** The instant of a China-time wall clock `2025-03-31 21:08:15` (seconds optional), or null. */
export function chinaTime(cell: string): Date | null {
  const m = TIME.exec(clean(cell));
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m.map(Number);
  return fromChinaWallClock(y, mo, d, h, mi, s || 0);
}

/** A spreadsheet date cell (read as if its wall clock were UTC) → the same wall clock as text. */
export function wallClockText(d: Date): string {
  return d.toISOString().slice(0, 19).replace("T", " ");
}
