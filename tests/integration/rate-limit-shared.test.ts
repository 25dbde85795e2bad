import { describe, expect, it } from "vitest";
import { databaseKind } from "@/lib/config";
import { consume, withinWindow } from "@/lib/http/rate-limit";
import { isNoisy, noteFailure } from "@/lib/notify/guard";
import { refuseIfGuessing } from "@/lib/http/guess-limit";
import { startWorker } from "../support/worker";

function worker(args: string[]) {
  const w = startWorker("tests/support/limit-worker.ts", args);
  const done = w.done.then((out) => JSON.parse(out.split("\n").find((l) => l.startsWith("{"))!) as { allowed: number });
  return { ...w, done };
}

describe("rate limits across server processes", () => {
  it("holds one limit across two processes on PostgreSQL (per process on SQLite)", async () => {
    const a = worker(["order-ip", "203.0.113.7", "10", "8"]);
    const b = worker(["order-ip", "203.0.113.7", "10", "8"]);
    await Promise.all([a.ready, b.ready]);
    a.go();
    b.go();
    const allowed = (await a.done).allowed + (await b.done).allowed;
    expect(allowed).toBe(databaseKind() === "postgres" ? 10 : 16);
  }, 60_000);

  it("counts failed code guesses from two processes together on PostgreSQL (per process on SQLite)", async () => {
    // Each process notes 6 failed redeem guesses for one address: 12 ≥ 10 only when the count is shared.
    const a = worker(["redeem-guess-address", "203.0.113.44", "1000000", "6"]);
    const b = worker(["redeem-guess-address", "203.0.113.44", "1000000", "6"]);
    await Promise.all([a.ready, b.ready]);
    a.go();
    b.go();
    await Promise.all([a.done, b.done]);
    const refused = await refuseIfGuessing("redeem", "203.0.113.44", null).then(
      () => false,
      (e: { code?: string }) => e.code === "rate_limited",
    );
    expect(refused).toBe(databaseKind() === "postgres");
  }, 60_000);

  it("answers 429 with Retry-After once the window is used up", async () => {
    for (let i = 0; i < 3; i++) await consume("test-limit", "k", 3, 60, "太频繁");
    await expect(consume("test-limit", "k", 3, 60, "太频繁")).rejects.toMatchObject({
      code: "rate_limited",
      headers: { "Retry-After": expect.any(String) },
    });
    expect(await withinWindow("test-limit", "other", 3, 60)).toBe(true);
  });

  it("counts notifier failures per IPv6 /64, so rotating the low bits gets no further", async () => {
    for (let i = 0; i < 30; i++) await noteFailure(`2001:db8:7:7::${(i + 1).toString(16)}`);
    expect(await isNoisy("2001:db8:7:7:abcd::1")).toBe(true);
    expect(await isNoisy("2001:db8:7:8::1")).toBe(false);
  });
});
