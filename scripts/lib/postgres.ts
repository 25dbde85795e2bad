/**
 * A throwaway PostgreSQL cluster for tests and migration generation:
 * a temp directory, loopback only, stopped and deleted afterwards.
 * PostgreSQL refuses to run as root, so as root the cluster runs as `postgres`.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, chmodSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export interface ThrowawayPostgres {
  url: string;
  stop(): void;
}

function findBin(name: string): string | null {
  const dirs = (process.env.PATH ?? "").split(":");
  const pgRoot = "/usr/lib/postgresql";
  if (existsSync(pgRoot)) {
    for (const v of readdirSync(pgRoot).sort().reverse()) dirs.push(path.join(pgRoot, v, "bin"));
  }
  for (const d of dirs) if (existsSync(path.join(d, name))) return path.join(d, name);
  return null;
}

export function startThrowawayPostgres(port = 54000 + Math.floor(Math.random() * 900)): ThrowawayPostgres {
  const initdb = findBin("initdb");
  const pgCtl = findBin("pg_ctl");
  if (!initdb || !pgCtl) {
    throw new Error("PostgreSQL is not installed: run `apt-get install -y postgresql` (Debian) and try again.");
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "paywall-pg-"));
  chmodSync(dir, 0o777);
  const asRoot = process.getuid?.() === 0;
  const run = (bin: string, args: string[]) => {
    if (asRoot) {
      const quoted = [bin, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(" ");
      execFileSync("su", ["postgres", "-s", "/bin/sh", "-c", quoted], { stdio: "pipe" });
    } else execFileSync(bin, args, { stdio: "pipe" });
  };
  const data = path.join(dir, "data");
  run(initdb, ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync"]);
  run(pgCtl, [
    "-D",
    data,
    "-l",
    path.join(dir, "log"),
    "-w",
    "-t",
    "30",
    "-o",
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`,
    "start",
  ]);
  const url = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  let stopped = false;
  return {
    url,
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        run(pgCtl, ["-D", data, "-m", "immediate", "-w", "stop"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
