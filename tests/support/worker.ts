/** Starts a tests/support/*-worker.ts script as its own OS process (a second server, as far as the database knows). */
import { spawn } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..", "..");

export function startWorker(script: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", script, ...args], {
    cwd: root,
    env,
    stdio: ["pipe", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stderr.on("data", (d) => (err += d));
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (d) => (out += d).includes("ready\n") && resolve());
    child.on("exit", (code) => reject(new Error(`worker exited early (${code}): ${err}`)));
  });
  const done = new Promise<string>((resolve, reject) =>
    child.on("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`worker failed (${code}): ${err}`)))),
  );
  return { ready, done, go: () => child.stdin.write("go\n") };
}

/** The JSON result a worker script prints on its own line (the line starting with `start`). */
export function jsonLine<T>(out: string, start: "{" | "["): T {
  const line = out.split("\n").find((l) => l.startsWith(start));
  if (!line) throw new Error(`worker printed no result line: ${out}`);
  return JSON.parse(line) as T;
}
