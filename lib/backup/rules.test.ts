import { describe, expect, it } from "vitest";
import { backupFileName, BACKUP_FILE, dueDay, filesToPrune, isOverdue, todaysSlot } from "@/lib/backup/rules";
import { ageText, sizeText } from "@/lib/backup/status";

const at = (iso: string) => new Date(iso);

describe("daily backup schedule (Beijing time)", () => {
  it("puts 04:00 on the Beijing day: 20:00 UTC the evening before", () => {
    expect(todaysSlot(at("2026-12-04T22:00:00Z"), "04:00")?.toISOString()).toBe("2026-12-04T20:00:00.000Z");
    expect(todaysSlot(at("2026-12-04T10:00:00Z"), "04:00")?.toISOString()).toBe("2026-12-03T20:00:00.000Z");
  });

  it("is due from the slot on, keyed by the Beijing day, and never when off", () => {
    expect(dueDay(at("2026-12-04T19:59:00Z"), "04:00")).toBeNull(); // 03:59 on Dec 5th in Beijing
    expect(dueDay(at("2026-12-04T20:00:00Z"), "04:00")).toBe("2026-12-05");
    expect(dueDay(at("2026-12-05T15:00:00Z"), "04:00")).toBe("2026-12-05"); // 23:00: caught up after a downtime
    expect(dueDay(at("2026-12-05T15:00:00Z"), "off")).toBeNull();
  });

  it("calls a backup overdue after 26 hours without success, counted from the first start when there was none", () => {
    const now = at("2026-12-05T12:00:00Z");
    expect(isOverdue(at("2026-12-04T11:00:00Z"), at("2026-01-01T00:00:00Z"), now, "04:00")).toBe(false);
    expect(isOverdue(at("2026-12-04T09:00:00Z"), at("2026-01-01T00:00:00Z"), now, "04:00")).toBe(true);
    expect(isOverdue(null, at("2026-12-05T00:00:00Z"), now, "04:00")).toBe(false);
    expect(isOverdue(null, at("2026-12-01T00:00:00Z"), now, "04:00")).toBe(true);
    expect(isOverdue(null, at("2026-12-01T00:00:00Z"), now, "off")).toBe(false);
  });
});

describe("backup files", () => {
  it("names files so that they sort by time, and keeps the newest", () => {
    const names = ["2026-12-01T04", "2026-12-03T04", "2026-12-02T04"].map((d, i) => backupFileName(at(`${d}:00:00Z`), `ab${i}x`));
    for (const n of names) expect(n).toMatch(BACKUP_FILE);
    expect(filesToPrune([...names, "notes.txt", "paywall.db"], 2)).toEqual([names[0]]);
    expect(filesToPrune(names, 5)).toEqual([]);
  });
});

describe("the 备份 page's words", () => {
  it("gives a size in KB below a megabyte and in MB from there, never 0 KB for a tiny file", () => {
    expect([sizeText(null), sizeText(10), sizeText(850 * 1024), sizeText(12.34 * 1024 * 1024)]).toEqual(["—", "1 KB", "850 KB", "12.3 MB"]);
  });

  it("says how long ago in minutes, then hours up to two days, then days", () => {
    const now = at("2026-12-05T12:00:00Z");
    const ago = (ms: number) => ageText(new Date(now.getTime() - ms), now);
    expect([ago(20_000), ago(12 * 60_000), ago(5 * 3600_000), ago(47 * 3600_000), ago(72 * 3600_000)]).toEqual([
      "刚刚",
      "12 分钟前",
      "5 小时前",
      "47 小时前",
      "3 天前",
    ]);
  });
});
