/** Builds the Next.js site when its sources changed since the last build (hash stamp in .next/). */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "..");
const INPUTS = [
  "app",
  "components",
  "lib",
  "server",
  "public",
  "instrumentation.ts",
  "package-lock.json",
  "next.config.js",
  "postcss.config.mjs",
  "tsconfig.json",
];

function sourceHash(): string {
  const h = createHash("sha256");
  const walk = (p: string) => {
    const full = path.join(root, p);
    if (!existsSync(full)) return;
    if (statSync(full).isDirectory()) {
      for (const name of readdirSync(full).sort()) if (!name.endsWith(".test.ts")) walk(path.join(p, name));
    } else {
      h.update(p);
      h.update(readFileSync(full));
    }
  };
  for (const p of INPUTS) walk(p);
  return h.digest("hex");
}

export function buildIfStale(): void {
  const stamp = path.join(root, ".next", "paywall-source-hash");
  const hash = sourceHash();
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === hash) return;
  console.log("Building the site (first start or sources changed)…");
  const r = spawnSync("npx", ["next", "build"], { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (r.status !== 0) throw new Error(`next build failed (exit ${r.status})`);
  writeFileSync(stamp, hash);
}
