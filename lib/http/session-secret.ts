import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { config, dataDir } from "@/lib/config";

let cached: { source: string; secret: string } | undefined;

/**
 * The key for signed cookies and restore links: SESSION_SECRET, or one
 * generated once and kept in data/session-secret so cookies survive restarts.
 * Several server processes must share SESSION_SECRET (or the data directory).
 */
export function sessionSecret(): string {
  const fromEnv = config().SESSION_SECRET;
  if (fromEnv) {
    if (fromEnv.length < 16) throw new Error("SESSION_SECRET must be at least 16 characters.");
    return fromEnv;
  }
  const file = path.join(dataDir(), "session-secret");
  if (cached?.source === file) return cached.secret;
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    try {
      // "wx": never overwrite a secret another process wrote a moment ago.
      writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
  }
  const secret = readFileSync(file, "utf8").trim();
  cached = { source: file, secret };
  return secret;
}
