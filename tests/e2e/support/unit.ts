/**
 * Runs the site the way deploy/paywall.service does: its ExecStart, with its Environment= lines
 * (the paths and ports templated for the test), in a process group of its own — and stops it
 * the way systemd does (KillMode=control-group: SIGTERM to every process of the unit at once).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..", "..", "..");

export interface Unit {
  execStart: string[];
  environment: Record<string, string>;
  timeoutStopSec: number;
}

export function readUnit(): Unit {
  const text = readFileSync(path.join(root, "deploy", "paywall.service"), "utf8");
  const lines = text.split("\n").filter((l) => !l.startsWith("#"));
  const environment: Record<string, string> = {};
  for (const l of lines.filter((l) => l.startsWith("Environment="))) {
    const [k, ...v] = l.slice("Environment=".length).split("=");
    environment[k] = v.join("=");
  }
  const exec = lines
    .find((l) => l.startsWith("ExecStart="))!
    .slice("ExecStart=".length)
    .trim()
    .split(/\s+/);
  const stop = Number(lines.find((l) => l.startsWith("TimeoutStopSec="))?.slice("TimeoutStopSec=".length) ?? 90);
  return { execStart: exec, environment, timeoutStopSec: stop };
}

export interface RunningUnit {
  url: string;
  proc: ChildProcess;
  log(): string;
  /** SIGTERM to the whole process group; resolves when every process of it is gone, with the milliseconds that took. */
  stop(): Promise<number>;
}

export async function startUnit(port: number, env: Record<string, string>): Promise<RunningUnit> {
  const unit = readUnit();
  // The binary as the unit names it, or the same one from PATH on a machine that keeps it elsewhere.
  const [bin, ...args] = unit.execStart;
  const cmd = existsSync(bin) ? bin : path.basename(bin);
  const proc = spawn(cmd, args, {
    cwd: root,
    detached: true,
    env: { ...process.env, ...unit.environment, PORT: String(port), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  proc.stdout?.on("data", (d) => (log += d));
  proc.stderr?.on("data", (d) => (log += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 240_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`unit exited (${proc.exitCode}):\n${log}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`unit did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const pgid = proc.pid!;
  // A process of the group still running. Zombies do not count: they have exited and wait for their parent
  // (PID 1 here, where systemd would reap them at once) to collect them.
  const alive = () =>
    readdirSync("/proc")
      .filter((d) => /^\d+$/.test(d))
      .some((pid) => {
        try {
          const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
          const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
          return fields[0] !== "Z" && Number(fields[2]) === pgid;
        } catch {
          return false; // gone meanwhile
        }
      });
  return {
    url,
    proc,
    log: () => log,
    async stop() {
      const t0 = performance.now();
      process.kill(-pgid, "SIGTERM");
      const limit = Date.now() + unit.timeoutStopSec * 1000;
      while (alive() && Date.now() < limit) await new Promise((r) => setTimeout(r, 20));
      if (alive()) {
        process.kill(-pgid, "SIGKILL"); // what systemd does at TimeoutStopSec
        throw new Error(`still running ${unit.timeoutStopSec} s after SIGTERM:\n${log}`);
      }
      return performance.now() - t0;
    },
  };
}
