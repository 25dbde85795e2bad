import { describe, expect, it } from "vitest";
import { vmqPriceToCents } from "./vmq-price";

describe("vmqPriceToCents (the price strings V免签 apps send)", () => {
  it.each([
    ["0.01", 1],
    ["0.8", 80],
    ["1.0", 100],
    ["1.00", 100],
    ["1430.0", 143000],
    ["1,430.00", 143000],
    ["9999999.99", 999999999],
  ])("reads Double.toString / %%.2f output %s as %i cents", (price, cents) => {
    expect(vmqPriceToCents(price)).toBe(cents);
  });

  it("reads Java's scientific notation for amounts from 10^7 yuan on (callers cap them)", () => {
    expect(vmqPriceToCents("1.0E7")).toBe(1_000_000_000);
    expect(vmqPriceToCents("1.2345678E7")).toBe(1_234_567_800);
    expect(vmqPriceToCents("1.23456789E8")).toBe(12_345_678_900);
    expect(vmqPriceToCents("1.0E300")).toBe(Number.MAX_SAFE_INTEGER);
  });

  it("reads small scientific values only when they are whole cents", () => {
    expect(vmqPriceToCents("5.0E-2")).toBe(5);
    expect(vmqPriceToCents("1.0E-4")).toBeNull();
  });

  it.each(["", "abc", "1.001", "1,43", "-1.0", "1.0E", "E7", "0x10", "1e3e4", " 1.0E7x"])("refuses %j", (price) => {
    expect(vmqPriceToCents(price)).toBeNull();
  });
});
