import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseNotification, type NotificationText, type ParseResult } from "./parse";

// Corpus lines expect a receipt, `{ ignored: "<reason>" }` (exactly that reason: the alerts rely on
// unreadable_receipt) or `{ ignored: true }` (any reason); each says where the text comes from.
type CorpusExpect = { channel: string; amountCents: number } | { ignored: string | true };
type CorpusCase = { input: NotificationText; expect: CorpusExpect; source: string };

function expectCorpus(result: ParseResult, expected: CorpusExpect) {
  if ("ignored" in expected) {
    expect(result).toHaveProperty("ignored");
    const reason = (result as { ignored: string }).ignored;
    if (expected.ignored === true) expect(reason).toMatch(/^[a-z_]+$/);
    else expect(reason).toBe(expected.ignored);
  } else {
    expect(result).toEqual(expected);
  }
}

// Real-world texts with the expected reading (docs/notifications.md); every line is a case.
const CORPUS_FILE = path.resolve(import.meta.dirname, "../../tests/fixtures/notifications.jsonl");
const corpus: CorpusCase[] = readFileSync(CORPUS_FILE, "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => JSON.parse(line) as CorpusCase);

describe("corpus (tests/fixtures/notifications.jsonl)", () => {
  it("has cases to check, each with its source", () => {
    expect(corpus.length).toBeGreaterThan(80);
    for (const c of corpus) expect(c.source?.trim().length, JSON.stringify(c.input)).toBeGreaterThan(10);
  });
  it.each(corpus)("$input.title / $input.content → $expect", ({ input, expect: expected }) => {
    expectCorpus(parseNotification(input), expected);
  });
});
