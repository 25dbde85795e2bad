/**
 * npm test: every check, the way CI runs it.
 *   lint (ESLint + Prettier) → unit → integration on SQLite → integration on
 *   PostgreSQL (a throwaway cluster) → end-to-end in Chromium against production builds.
 * npm run test:quick (--quick): the inner loop while developing — unit, then lint and types beside
 *   integration on SQLite; no PostgreSQL, no build, no browser (those run in npm test and CI).
 * Usage: npm test [-- --only lint,unit,integration,postgres,e2e] [--serial] [--quick]
 * The two integration suites (separate databases) and the e2e build run side by
 * side, then the e2e suite in two shards with a pair of sites each (E2E_PORT and
 * E2E_PORT+5; output printed as each finishes); --serial runs one at a time.
 * Needs PostgreSQL server binaries and /usr/bin/chromium (Debian:
 * apt-get install -y postgresql chromium); .ci/run installs both.
 */
import { spawn, spawnSync } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { startThrowawayPostgres } from "./lib/postgres";

const root = path.resolve(import.meta.dirname, "..");
const args = process.argv.slice(2);
if (args.includes("--help")) {
  console.log(`Usage: npm test [-- --only lint,unit,integration,postgres,e2e] [--serial]
       npm run test:quick    unit, then lint + types beside integration on SQLite (no PostgreSQL, build or browser)`);
  process.exit(0);
}
const quick = args.includes("--quick");
const onlyArg = args[args.indexOf("--only") + 1];
const only = quick ? new Set(["lint", "unit", "integration"]) : args.includes("--only") && onlyArg ? new Set(onlyArg.split(",")) : null;
const started = Date.now();
const want = (s: string) => !only || only.has(s);
const serial = args.includes("--serial");
const outDir = path.join(root, "tmp", "test-results");
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

type Tally = { suite: string; passed: number; failed: number; skipped: number; ok: boolean };
const tallies: Tally[] = [];

function vitestArgs(suite: string, project: string) {
  const out = path.join(outDir, `${suite}.json`);
  return { out, args: ["vitest", "run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${out}`] };
}

function tally(suite: string, out: string, status: number | null): Tally {
  const t: Tally = { suite, passed: 0, failed: 0, skipped: 0, ok: status === 0 };
  if (existsSync(out)) {
    const j = JSON.parse(readFileSync(out, "utf8"));
    t.passed = j.numPassedTests ?? 0;
    t.failed = j.numFailedTests ?? 0;
    t.skipped = (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0);
  }
  if (!t.ok && t.failed === 0) t.failed = 1; // the run itself failed (setup error)
  return t;
}

const testEnv = (env: Record<string, string>) => ({ ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env });

function vitest(suite: string, project: string, env: Record<string, string> = {}) {
  console.log(`\n=== ${suite} ===`);
  const { out, args } = vitestArgs(suite, project);
  const r = spawnSync("npx", args, { cwd: root, stdio: "inherit", env: testEnv(env) });
  tallies.push(tally(suite, out, r.status));
}

/** Runs a command with its output in a log file, printed when it ends (for suites run side by side). */
function background(label: string, cmd: string, args: string[], env: Record<string, string> = {}): Promise<number | null> {
  const log = path.join(outDir, `${label}.log`);
  const file = createWriteStream(log);
  const child = spawn(cmd, args, { cwd: root, env: { ...testEnv(env), FORCE_COLOR: "1" } });
  child.stdout.pipe(file);
  child.stderr.pipe(file);
  return new Promise((resolve) => {
    child.on("close", (code) => {
      file.end(() => {
        console.log(`\n=== ${label} ===`);
        process.stdout.write(readFileSync(log));
        resolve(code);
      });
    });
  });
}

async function backgroundVitest(suite: string, project: string, env: Record<string, string> = {}) {
  const { out, args } = vitestArgs(suite, project);
  tallies.push(tally(suite, out, await background(suite, "npx", args, env)));
}

const checkTally = (suite: string, status: number | null): Tally => ({
  suite,
  passed: status === 0 ? 1 : 0,
  failed: status === 0 ? 0 : 1,
  skipped: 0,
  ok: status === 0,
});

const fast = quick && !serial;
if (fast) {
  // The unit tests use every core; then lint and types (cached between runs) go beside the
  // integration tests, which run one file at a time and mostly wait on SQLite.
  vitest("unit", "unit");
  const checks = (async () => {
    tallies.push(checkTally("lint", await background("lint", "npm", ["run", "--silent", "lint"])));
    tallies.push(checkTally("typecheck", await background("typecheck", "npx", ["tsc", "--noEmit"])));
  })();
  await backgroundVitest("integration-sqlite", "integration*");
  await checks;
} else {
  if (want("lint")) {
    console.log("\n=== lint ===");
    const r = spawnSync("npm", ["run", "--silent", "lint"], { cwd: root, stdio: "inherit" });
    tallies.push(checkTally("lint", r.status));
  }
  if (want("unit")) vitest("unit", "unit");
}

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const e2e = want("e2e") && existsSync(chromium);
let pg: ReturnType<typeof startThrowawayPostgres> | null = null;
if (want("postgres") && !fast) {
  try {
    pg = startThrowawayPostgres();
  } catch (e) {
    console.error(`PostgreSQL suite could not run: ${(e as Error).message}`);
    tallies.push({ suite: "integration-postgres", passed: 0, failed: 1, skipped: 0, ok: false });
  }
}
try {
  if (fast) {
    // The quick run's suites ran above.
  } else if (serial) {
    if (want("integration")) vitest("integration-sqlite", "integration*");
    if (pg) vitest("integration-postgres", "integration*", { TEST_DATABASE_URL: pg.url });
  } else {
    const lanes: Promise<unknown>[] = [];
    if (want("integration")) lanes.push(backgroundVitest("integration-sqlite", "integration*"));
    if (pg) lanes.push(backgroundVitest("integration-postgres", "integration*", { TEST_DATABASE_URL: pg.url }));
    // The e2e suite's production build (skipped when fresh) overlaps the database suites.
    if (e2e) lanes.push(background("e2e-build", "npx", ["tsx", "-e", 'import("./server/build.ts").then((m) => m.buildIfStale())']));
    await Promise.all(lanes);
  }
} finally {
  pg?.stop();
}
if (want("e2e")) {
  if (!e2e) {
    console.error("Chromium not found at /usr/bin/chromium: run `apt-get install -y chromium` (Debian).");
    tallies.push({ suite: "e2e", passed: 0, failed: 1, skipped: 0, ok: false });
  } else if (serial) vitest("e2e", "e2e");
  else {
    // Browser tests spend much of their time waiting (countdowns, pushes, page loads): two shards, each
    // with its own pair of sites (E2E_PORT … +2 and +5 … +7), use the two cores better than one run.
    const base = Number(process.env.E2E_PORT ?? 3900);
    await Promise.all(
      [1, 2].map(async (shard) => {
        const suite = `e2e-${shard}of2`;
        const { out, args } = vitestArgs(suite, "e2e");
        const env = { E2E_PORT: String(base + (shard - 1) * 5) };
        tallies.push(tally(suite, out, await background(suite, "npx", [...args, `--shard=${shard}/2`], env)));
      }),
    );
  }
}

console.log("\n=== summary ===");
for (const t of tallies) console.log(`${t.ok ? "ok  " : "FAIL"} ${t.suite}: ${t.passed} passed, ${t.failed} failed`);
const passed = tallies.reduce((n, t) => n + t.passed, 0);
const failed = tallies.reduce((n, t) => n + t.failed, 0);
const skipped = tallies.reduce((n, t) => n + t.skipped, 0);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""} in ${Math.round((Date.now() - started) / 1000)} s`);
process.exit(tallies.every((t) => t.ok) ? 0 : 1);
