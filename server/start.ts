/**
 * npm start: migrate + seed (demo content on an empty database), build when
 * the sources changed since the last build, then serve on PORT (default 3000).
 */
import { spawnSync } from "node:child_process";
import { buildIfStale, root } from "./build";

const args = process.argv.slice(2);
if (args.includes("--help")) {
  console.log(`Usage: npm start [-- --dev | --build-only]
  Applies migrations, adds demo content to an empty database, builds when the
  sources changed, and serves on $PORT (default 3000). Configuration: README.
  --build-only   build now if needed and exit, touching no database (prepare a
                 new release while the old one still serves: docs/deploy.md)`);
  process.exit(0);
}
if (args.includes("--build-only")) {
  buildIfStale();
  process.exit(0);
}
const dev = args.includes("--dev");
process.env.NEXT_TELEMETRY_DISABLED = "1";

// lib/ imports `server-only`, which only loads under the react-server condition.
const seeded = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/seed.ts"], {
  cwd: root,
  stdio: "inherit",
});
if (seeded.status !== 0) process.exit(seeded.status ?? 1);

if (!dev) {
  try {
    buildIfStale();
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
}

await import("./main");
