// A weak notifier secret stops the production server however it is started (issue 9 part 1):
// through server/main.ts (what npm start runs after its seed step) and through a bare
// `next start`, where instrumentation.ts checks the configuration before anything is served.
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..", "..");
const base = Number(process.env.E2E_PORT ?? 3900);

function run(args: string[], port: number): Promise<{ code: number | null; log: string }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "paywall-weak-"));
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dir,
      DATABASE_URL: `file:${path.join(dir, "site.db")}`,
      NOTIFY_SECRET: "",
      SMSFORWARDER_SECRET: "",
      VMQ_KEY: "vmq-test-key",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout.on("data", (d) => (log += d));
  child.stderr.on("data", (d) => (log += d));
  const killer = setTimeout(() => child.kill("SIGKILL"), 60_000);
  return new Promise((resolve) =>
    child.once("exit", (code) => {
      clearTimeout(killer);
      resolve({ code, log });
    }),
  );
}

describe("a weak notifier secret", () => {
  it.each([
    ["server/main.ts", ["--import", "tsx", "server/main.ts"], base + 2],
    [
      "a bare next start",
      [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(base + 3), "-H", "127.0.0.1"],
      base + 3,
    ],
  ])("stops %s with the reason and exit code 1", async (_name, args, port) => {
    const { code, log } = await run(args as string[], port as number);
    expect(code).toBe(1);
    expect(log).toContain("VMQ_KEY: 密钥太弱");
    expect(log).toContain("服务器未启动");
  });
});
