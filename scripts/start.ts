/**
 * npm start: migrate + seed (demo content on an empty database), build when
 * the sources changed since the last build, then serve on PORT (default 3000).
 * Usage: npm start [-- --dev] [-- --no-build]
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const args = process.argv.slice(2);
if (args.includes("--help")) {
  console.log("Usage: npm start [-- --dev]\n  Applies migrations, seeds demo content into an empty database, builds if needed and serves on $PORT (3000).");
  process.exit(0);
}
const dev = args.includes("--dev");
process.env.NEXT_TELEMETRY_DISABLED = "1";

function run(cmd: string, cmdArgs: string[]) {
  const r = spawnSync(cmd, cmdArgs, { cwd: root, stdio: "inherit", env: process.env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

// lib/ imports `server-only`, which only loads under the react-server condition.
run(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/seed.ts"]);

function sourceHash(): string {
  const h = createHash("sha256");
  const walk = (p: string) => {
    const full = path.join(root, p);
    if (!existsSync(full)) return;
    if (statSync(full).isDirectory()) {
      for (const name of readdirSync(full).sort()) walk(path.join(p, name));
    } else {
      h.update(p);
      h.update(readFileSync(full));
    }
  };
  for (const p of ["app", "components", "lib", "public", "package-lock.json", "next.config.js", "postcss.config.mjs", "tsconfig.json"]) walk(p);
  return h.digest("hex");
}

if (!dev) {
  const stamp = path.join(root, ".next", "paywall-source-hash");
  const hash = sourceHash();
  if (!existsSync(stamp) || readFileSync(stamp, "utf8") !== hash) {
    console.log("Building the site (first start or sources changed)…");
    run("npx", ["next", "build"]);
    writeFileSync(stamp, hash);
  }
}

await import("./server");
