/**
 * GET /api/ready: 200 while this process may take traffic (database answers, worker ticking or
 * off, not stopping), 503 otherwise — with nothing secret in the answer.
 */
import { afterEach, describe, expect, it } from "vitest";
import { GET as ready } from "@/app/api/ready/route";
import { markDraining } from "@/lib/ops/lifecycle";
import { disconnectDb } from "@/lib/db/client";
import { call, makeRequest } from "../support/http";

const g = globalThis as unknown as {
  __paywallLifecycle?: { draining: boolean };
  __paywallWorker?: Record<string, unknown>;
};
const worker = { ...g.__paywallWorker };
afterEach(async () => {
  if (g.__paywallLifecycle) g.__paywallLifecycle.draining = false;
  g.__paywallWorker = Object.assign(g.__paywallWorker ?? {}, worker);
  await disconnectDb();
});

const ask = () => call(ready, makeRequest("GET", "/api/ready"));

describe("readiness", () => {
  it("answers 200 with the database and the worker, and nothing secret", async () => {
    const res = await ask();
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ ready: true, draining: false, database: { ok: true }, worker: "off", jobs: { overdue: 0 } });
    expect(res.text).not.toContain(process.env.SESSION_SECRET!);
    expect(res.text).not.toContain(process.env.DATABASE_URL!);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
  });

  it("answers 503 once the process is stopping", async () => {
    markDraining();
    const res = await ask();
    expect(res.status).toBe(503);
    expect(res.json).toMatchObject({ ready: false, draining: true });
  });

  it("answers 503 when the database does not answer, without saying where it is", async () => {
    process.env.DATABASE_URL = process.env.TEST_DATABASE_URL
      ? "postgresql://nobody:secret-password@127.0.0.1:9/none"
      : "file:/nonexistent-folder/secret-place.db";
    const res = await ask();
    expect(res.status).toBe(503);
    expect(res.json.database.ok).toBe(false);
    expect(res.text).not.toMatch(/secret|nonexistent|127\.0\.0\.1/);
  });

  it("answers 503 when this process's worker stopped ticking", async () => {
    const long = Date.now() - 5 * 60_000;
    Object.assign(g.__paywallWorker!, {
      enabled: true,
      running: true,
      stopping: false,
      startedAt: long,
      lastTickAt: long,
      tickStartedAt: null,
    });
    const res = await ask();
    expect(res.status).toBe(503);
    expect(res.json.worker).toBe("stalled");
    Object.assign(g.__paywallWorker!, { lastTickAt: Date.now() });
    expect((await ask()).json).toMatchObject({ ready: true, worker: "running" });
  });
});
