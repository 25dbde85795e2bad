/**
 * npm run bench:import — how long importing a big WordPress export (alone, then again
 * with its uploaded images in a zip) and exporting a big site take, and how much memory
 * the process needs for it. Each phase runs in a child process of its own on one
 * throwaway SQLite database, so the peak RSS printed (the kernel's high-water mark) is
 * that phase's alone. `--help` for options.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const HELP = `Usage: npm run bench:import [-- options]

  --posts N    posts in the generated WordPress export, and in the exported site (default 500)
  --images N   images in the second import (a zip with wp-content/uploads) and in the exported site (default 200)
  --keep       keep the throwaway data directory (printed)
  --help       this text

Prints, for "import WXR", "import WXR + images (zip)" and "export site": seconds (wall and CPU),
peak RSS (MB) and the size of the file.`;

const argv = process.argv.slice(2);
if (argv.includes("--help")) {
  console.log(HELP);
  process.exit(0);
}
const opt = (name: string, dflt: number) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? Number(argv[i + 1]) : dflt;
};
const phase = argv.includes("--phase") ? argv[argv.indexOf("--phase") + 1] : null;

if (phase) await import("./import-phases").then((m) => m.runPhase(phase, opt("posts", 500), opt("images", 200)));
else {
  const dir = mkdtempSync(path.join(os.tmpdir(), "bench-import-"));
  const env = {
    ...process.env,
    DATA_DIR: dir,
    DATABASE_URL: `file:${path.join(dir, "bench.db")}`,
    SESSION_SECRET: "bench-session-secret-0123456789",
  };
  const rows: string[] = [];
  for (const p of ["import", "import-images", "export"]) {
    const run = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", import.meta.filename, "--phase", p, ...argv], {
      env,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    });
    if (run.status !== 0) process.exit(run.status ?? 1);
    rows.push(run.stdout.trim().split("\n").pop()!);
  }
  console.log(rows.join("\n"));
  if (argv.includes("--keep")) console.log(`data: ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}
