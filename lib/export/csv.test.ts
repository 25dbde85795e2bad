import { describe, expect, it } from "vitest";
import { csvLines, safeCell } from "@/lib/export/csv";

describe("CSV for Excel", () => {
  it("quotes commas, quotes and line breaks, and ends lines with CRLF", () => {
    expect(
      csvLines([
        ["a,b", 'say "hi"', "two\nlines"],
        [1, null, ""],
      ]),
    ).toBe('"a,b","say ""hi""","two\nlines"\r\n1,,\r\n');
  });

  it("defuses text a spreadsheet would run as a formula", () => {
    expect(safeCell('=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")');
    expect(safeCell("+1")).toBe("'+1");
    expect(safeCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(safeCell("微信支付收款0.99元")).toBe("微信支付收款0.99元");
  });

  it("writes instants as Beijing time", () => {
    expect(safeCell(new Date("2026-11-26T16:30:00Z"))).toBe("2026-11-27 00:30:00");
  });
});
