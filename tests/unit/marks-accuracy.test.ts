import { describe, expect, it } from "vitest";
import { corpus, falseMatches, measure, TRANSFORMS } from "../../scripts/bench/marks-trials";

/**
 * The floor docs/marks.md promises, on a smaller run than `npm run marks:accuracy` (same code,
 * fixed seed): 300-character excerpts of marked posts, 1000 delivered marks as candidates.
 */
const posts = corpus();
const run = (name: string) => measure({ posts, transform: TRANSFORMS[name], trials: 60, length: 300, delivered: 1000, seed: 7 });

describe("tracing 300-character excerpts", () => {
  for (const name of [
    "copied from the page (Chromium / WeChat plain text)",
    "NFKC",
    "whitespace collapsed",
    "CRLF line ends",
    "chat / Markdown editor (NFKC, spaces collapsed, re-rendered)",
    "paragraphs shuffled, one dropped",
    "zero-width characters stripped (Cf)",
    "5% of characters deleted, 5 phrases inserted",
  ]) {
    it(`names the right purchase for at least 95 % of excerpts, never a wrong one: ${name}`, () => {
      const t = run(name);
      expect(t.wrong).toBe(0);
      expect(t.right / t.trials).toBeGreaterThanOrEqual(0.95);
    }, 60_000);
  }

  it("names nobody once every invisible character is stripped (the documented limit)", () => {
    const t = run("every invisible character stripped (cannot trace)");
    expect(t.right + t.wrong).toBe(0);
  }, 60_000);

  it("never names a purchase for unmarked text or a mark nobody was delivered", () => {
    expect(falseMatches({ posts, trials: 100, length: 300, delivered: 1000, seed: 11 }).named).toBe(0);
  }, 120_000);
});
