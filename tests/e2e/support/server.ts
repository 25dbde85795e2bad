/** Starts the production site (npm start's script) on a port with a throwaway database. */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export interface RunningSite {
  url: string;
  dataDir: string;
  /** What the server printed so far (stdout and stderr). */
  log(): string;
  stop(): Promise<void>;
  /** SIGKILL: no shutdown of any kind, as when the machine loses power or the OOM killer strikes. */
  kill(): Promise<void>;
}

const root = path.resolve(import.meta.dirname, "..", "..", "..");

/**
 * `dataDir` reuses a previous site's data (its SQLite file), e.g. to restart after a crash;
 * `root` serves another checkout of the project (npm run bench --root, to measure an older version);
 * `nodeArgs` go to the server's node (e.g. --cpu-prof, which NODE_OPTIONS refuses).
 */
export async function startSite(
  port: number,
  env: Record<string, string> = {},
  reuse?: { dataDir?: string; root?: string; nodeArgs?: string[] },
): Promise<RunningSite> {
  const dataDir = reuse?.dataDir ?? mkdtempSync(path.join(os.tmpdir(), "paywall-e2e-"));
  const child: ChildProcess = spawn(process.execPath, [...(reuse?.nodeArgs ?? []), "--import", "tsx", "server/start.ts"], {
    cwd: reuse?.root ?? root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      DATABASE_URL: `file:${path.join(dataDir, "site.db")}`,
      NODE_ENV: "production",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout?.on("data", (d) => (log += d));
  child.stderr?.on("data", (d) => (log += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`site on ${port} exited (${child.exitCode}):\n${log}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`site on ${port} did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    url,
    dataDir,
    log: () => log,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    },
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGKILL");
      await new Promise((r) => child.once("exit", r));
    },
  };
}
