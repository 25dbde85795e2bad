/**
 * Runs before each integration test file. The database is chosen by the test
 * runner: TEST_DATABASE_URL (a throwaway PostgreSQL from scripts/test.ts) or,
 * by default, a fresh SQLite file for this file. Tables are emptied before
 * every test, so each test states its own world.
 */
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { migrate } from "@/lib/db/migrate";
import { disconnectDb } from "@/lib/db/client";
import { resetDb } from "./db";
import { forgetAllCaches } from "@/lib/process-caches";

// The environment the runner started with, kept from the first file: test files share one process
// (isolate: false), and a file that set a variable in its own hooks must not hand it to the next file.
const first = globalThis as unknown as { __paywallTestBaseEnv?: NodeJS.ProcessEnv };
const baseEnv = (first.__paywallTestBaseEnv ??= { ...process.env });
const tmp = mkdtempSync(path.join(os.tmpdir(), "paywall-test-"));

export function testEnv(): NodeJS.ProcessEnv {
  return {
    ...baseEnv,
    DATABASE_URL: process.env.TEST_DATABASE_URL || `file:${path.join(tmp, "test.db")}`,
    DATA_DIR: tmp,
    // These tests check rules, not power loss: skip the fsync per commit (tests/e2e/durability.e2e.ts runs the default FULL).
    SQLITE_SYNCHRONOUS: "NORMAL",
    SESSION_SECRET: "test-session-secret-0123456789",
    NOTIFY_SECRET: "",
    ADMIN_PASSWORD: "",
    ADMIN_TOKEN: "",
    // What server/main.ts sets at start; tests/support/http.ts sends it with the peer address.
    PAYWALL_PEER_KEY: "test-peer-key-0123456789",
  };
}

beforeAll(async () => {
  process.env = testEnv();
  await migrate(process.env.DATABASE_URL!);
});

beforeEach(async () => {
  process.env = testEnv();
  await resetDb();
  // Every per-process cache registered itself when its module loaded (lib/process-caches.ts).
  await forgetAllCaches();
});

afterAll(async () => {
  await disconnectDb();
});
