/**
 * The site the profiling scripts (profile-cycles.ts, profile-reads.ts) measure: a
 * production server under `node --cpu-prof` writing its profile to `dir` when it
 * stops, with the reader rate limits out of the way, a phone online and the
 * universal receiving codes uploaded.
 */
import { mkdirSync } from "node:fs";
import { startSite, type RunningSite } from "../../tests/e2e/support/server";
import { uploadUniversalCodes } from "../lib/upload-codes";
import { BENCH_SECRET, heartbeat } from "./site";

const TOKEN = "profile-admin-token-0123456789abcdef";

export async function startProfiledSite(port: number, dir: string, env: Record<string, string> = {}): Promise<RunningSite> {
  mkdirSync(dir, { recursive: true });
  const site = await startSite(
    port,
    {
      NOTIFY_SECRET: BENCH_SECRET,
      ADMIN_TOKEN: TOKEN,
      ORDER_RATE_PER_IP: "100000000",
      ORDER_RATE_PER_READER: "100000000",
      ORDER_MAX_HELD_PER_IP: "0",
      ...env,
    },
    { nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${dir}`] },
  );
  try {
    await heartbeat(site.url);
    await uploadUniversalCodes(site.url, TOKEN);
  } catch (e) {
    await site.stop();
    throw e;
  }
  return site;
}
