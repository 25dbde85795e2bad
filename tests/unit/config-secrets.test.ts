// Weak notifier secrets stop the server before it serves (issue 9 part 1): config() refuses them,
// and npm start's first step (scripts/seed.ts) exits with the message alone.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { config, ConfigError } from "@/lib/config";

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

const STRONG = {
  NOTIFY_SECRET: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
  SMSFORWARDER_SECRET: "Zq7fW2rN9xKp4tLm8cVb3hJd",
  VMQ_KEY: "7c1e9a40b5d2f83e6a9c04d1b7e25f96",
};

describe("config(): notifier secrets", () => {
  it("accepts strong secrets", () => {
    Object.assign(process.env, STRONG);
    expect(config().VMQ_KEY).toBe(STRONG.VMQ_KEY);
  });

  it.each([
    ["NOTIFY_SECRET", "whsec_c2VjcmV0"],
    ["SMSFORWARDER_SECRET", "this is secret"],
    ["SMSFORWARDER_SECRET", "123456"],
    ["VMQ_KEY", "vmq-test-key"],
    ["VMQ_KEY", "12345678901234567890"],
  ])("refuses a weak %s (%j), naming the variable and how to make a good one", (name, value) => {
    Object.assign(process.env, STRONG, { [name]: value });
    expect(() => config()).toThrow(ConfigError);
    expect(() => config()).toThrow(new RegExp(`${name}: 密钥太弱`));
    expect(() => config()).toThrow(/openssl rand -hex 24/);
  });
});

describe("npm start refuses a weak secret", () => {
  it("exits from scripts/seed.ts before touching the database, with the reason", { timeout: 60_000 }, () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "paywall-weak-"));
    const db = path.join(dir, "site.db");
    const r = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/seed.ts"], {
      cwd: path.resolve(import.meta.dirname, "../.."),
      env: { ...saved, DATABASE_URL: `file:${db}`, DATA_DIR: dir, NOTIFY_SECRET: "", SMSFORWARDER_SECRET: "123456", VMQ_KEY: "" },
      encoding: "utf8",
      timeout: 55_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("SMSFORWARDER_SECRET: 密钥太弱");
    expect(r.stderr).toContain("服务器未启动");
    expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/); // the message, not a stack trace
    expect(existsSync(db)).toBe(false);
  });
});
