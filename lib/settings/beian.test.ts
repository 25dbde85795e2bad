import { describe, expect, it } from "vitest";
import { psbUrl } from "./beian";
import { settingsPatch } from "./schema";

describe("record-number links in the footer", () => {
  it("links a 公安备案号 to its record by the digits in it", () => {
    expect(psbUrl("京公网安备 11010502030143号")).toBe("https://beian.mps.gov.cn/#/query/webSearch?code=11010502030143");
  });

  it("gives no link for a number without digits", () => {
    expect(psbUrl("京公网安备号")).toBeNull();
  });
});

describe("settings input", () => {
  it("accepts a real ICP number and 公安备案号", () => {
    expect(settingsPatch.parse({ icp: "京ICP备12345678号-1", psb: "京公网安备11010502030143号" })).toEqual({
      icp: "京ICP备12345678号-1",
      psb: "京公网安备11010502030143号",
    });
  });

  it("refuses an unknown field instead of dropping it", () => {
    expect(settingsPatch.safeParse({ sitename: "x" }).success).toBe(false);
  });

  it("refuses markup, an empty name, a site URL with a path and a javascript: logo", () => {
    for (const bad of [
      { siteName: "<b>x</b>" },
      { siteName: "  " },
      { siteUrl: "https://a.example/blog" },
      { logoUrl: "javascript:alert(1)" },
    ]) {
      expect(settingsPatch.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it("accepts an uploaded image path or an https URL as the logo", () => {
    expect(settingsPatch.safeParse({ logoUrl: "/media/abc-10x10.png" }).success).toBe(true);
    expect(settingsPatch.safeParse({ logoUrl: "https://cdn.example/logo.png" }).success).toBe(true);
    expect(settingsPatch.safeParse({ logoUrl: "//evil.example/x.png" }).success).toBe(false);
  });
});
