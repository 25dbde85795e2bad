import { chinaInstant } from "@/lib/china-time";

/**
 * Dates as blog tools write them. Hexo, Hugo and Jekyll allow a date without a
 * zone ("2024-05-01 10:00:00"), meaning the blog's own time zone: for the
 * Chinese bloggers this is for, that is China time (UTC+8). A date with a zone
 * or a TOML date-time is taken as written.
 */
const DATE_ONLY = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const LOCAL = /^(\d{4})-(\d{1,2})-(\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?$/;
const pad = (s: string) => s.padStart(2, "0");
const valid = (d: Date): Date | null => (Number.isNaN(d.getTime()) ? null : d);

export function parseBlogDate(value: unknown): Date | null {
  // A plain Date even for smol-toml's TomlDate (a Date subclass with its own toISOString).
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : new Date(value.getTime());
  if (typeof value === "number" && Number.isFinite(value)) return new Date(value);
  if (typeof value !== "string") {
    // smol-toml's TomlDate and similar: objects that print as an ISO date.
    return value && typeof value === "object" && "toISOString" in value ? parseBlogDate(String(value)) : null;
  }
  const s = value.trim();
  if (!s) return null;
  let m = DATE_ONLY.exec(s);
  if (m) return valid(chinaInstant(`${m[1]}-${pad(m[2])}-${pad(m[3])}`));
  m = LOCAL.exec(s);
  if (m) return valid(chinaInstant(`${m[1]}-${pad(m[2])}-${pad(m[3])}`, `${pad(m[4])}:${m[5]}:${m[6] ?? "00"}${m[7] ?? ""}`));
  // "2024-05-01T10:00:00Z", "2024-05-01 10:00:00 +0800" (Jekyll), RFC 2822 (WordPress pubDate).
  const jekyll = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2})?)\s*([+-]\d{2}):?(\d{2})$/.exec(s);
  if (jekyll) return valid(new Date(`${jekyll[1]}T${jekyll[2]}${jekyll[2].length === 5 ? ":00" : ""}${jekyll[3]}:${jekyll[4]}`));
  return valid(new Date(s));
}
