/**
 * npm test: every check, the way CI runs it.
 *   lint (ESLint + Prettier) → unit → integration on SQLite → integration on
 *   PostgreSQL (a throwaway cluster) → end-to-end in Chromium against production builds.
 * Usage: npm test [-- --only lint,unit,integration,postgres,e2e]
 * Needs PostgreSQL server binaries and /usr/bin/chromium (Debian:
 * apt-get install -y postgresql chromium); .ci/run installs both.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { startThrowawayPostgres } from "./lib/postgres";

const root = path.resolve(import.meta.dirname, "..");
const args = process.argv.slice(2);
if (args.includes("--help")) {
  console.log("Usage: npm test [-- --only lint,unit,integration,postgres,e2e]");
  process.exit(0);
}
const onlyArg = args[args.indexOf("--only") + 1];
const only = args.includes("--only") && onlyArg ? new Set(onlyArg.split(",")) : null;
const want = (s: string) => !only || only.has(s);
const outDir = path.join(root, "tmp", "test-results");
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

type Tally = { suite: string; passed: number; failed: number; skipped: number; ok: boolean };
const tallies: Tally[] = [];

function vitest(suite: string, project: string, env: Record<string, string> = {}) {
  console.log(`\n=== ${suite} ===`);
  const out = path.join(outDir, `${suite}.json`);
  const r = spawnSync("npx", ["vitest", "run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${out}`], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
  });
  const t: Tally = { suite, passed: 0, failed: 0, skipped: 0, ok: r.status === 0 };
  if (existsSync(out)) {
    const j = JSON.parse(readFileSync(out, "utf8"));
    t.passed = j.numPassedTests ?? 0;
    t.failed = j.numFailedTests ?? 0;
    t.skipped = (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0);
  }
  if (!t.ok && t.failed === 0) t.failed = 1; // the run itself failed (setup error)
  tallies.push(t);
}

if (want("lint")) {
  console.log("\n=== lint ===");
  const r = spawnSync("npm", ["run", "--silent", "lint"], { cwd: root, stdio: "inherit" });
  tallies.push({ suite: "lint", passed: r.status === 0 ? 1 : 0, failed: r.status === 0 ? 0 : 1, skipped: 0, ok: r.status === 0 });
}
if (want("unit")) vitest("unit", "unit");
if (want("integration")) vitest("integration-sqlite", "integration");
if (want("postgres")) {
  let pg: ReturnType<typeof startThrowawayPostgres> | null = null;
  try {
    pg = startThrowawayPostgres();
    vitest("integration-postgres", "integration", { TEST_DATABASE_URL: pg.url });
  } catch (e) {
    console.error(`PostgreSQL suite could not run: ${(e as Error).message}`);
    tallies.push({ suite: "integration-postgres", passed: 0, failed: 1, skipped: 0, ok: false });
  } finally {
    pg?.stop();
  }
}
if (want("e2e")) {
  if (!existsSync(process.env.CHROMIUM_PATH ?? "/usr/bin/chromium")) {
    console.error("Chromium not found at /usr/bin/chromium: run `apt-get install -y chromium` (Debian).");
    tallies.push({ suite: "e2e", passed: 0, failed: 1, skipped: 0, ok: false });
  } else vitest("e2e", "e2e");
}

console.log("\n=== summary ===");
for (const t of tallies) console.log(`${t.ok ? "ok  " : "FAIL"} ${t.suite}: ${t.passed} passed, ${t.failed} failed`);
const passed = tallies.reduce((n, t) => n + t.passed, 0);
const failed = tallies.reduce((n, t) => n + t.failed, 0);
const skipped = tallies.reduce((n, t) => n + t.skipped, 0);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(tallies.every((t) => t.ok) ? 0 : 1);
