/**
 * Builds the site once (when stale) and starts two production servers:
 * "live" has a notifier secret (the real path), "demo" has none (demo mode).
 */
import type { TestProject } from "vitest/node";
import { buildIfStale } from "../../server/build";
import { startSite, type RunningSite } from "./support/server";
import { uploadUniversalCodes } from "../../scripts/lib/upload-codes";

export const E2E_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const E2E_SESSION_SECRET = "e2e-session-secret-0123456789abcdef";
const E2E_ADMIN_TOKEN = "e2e-admin-token-0123456789abcdef";
const E2E_ADMIN_PASSWORD = "e2e-admin-password";

declare module "vitest" {
  export interface ProvidedContext {
    liveUrl: string;
    demoUrl: string;
    notifySecret: string;
    liveSessionSecret: string;
    adminToken: string;
    adminPassword: string;
    liveAdminToken: string;
  }
}

let sites: RunningSite[] = [];

export async function setup(project: TestProject) {
  buildIfStale();
  const base = Number(process.env.E2E_PORT ?? 3900);
  sites = await Promise.all([
    startSite(base, {
      NOTIFY_SECRET: E2E_SECRET,
      ADMIN_PASSWORD: E2E_ADMIN_PASSWORD,
      ADMIN_TOKEN: E2E_ADMIN_TOKEN,
      SESSION_SECRET: E2E_SESSION_SECRET,
    }),
    // The demo site has an owner too (it stays in demo mode: no notifier), for tests that need short countdowns.
    startSite(base + 1, { ORDER_TTL_SECONDS: "10", ADMIN_PASSWORD: E2E_ADMIN_PASSWORD, ADMIN_TOKEN: E2E_ADMIN_TOKEN }),
  ]);
  // The live site is past the demo: its seeded demo codes are never handed out, so it gets real ones.
  await uploadUniversalCodes(sites[0].url, E2E_ADMIN_TOKEN);
  project.provide("liveUrl", sites[0].url);
  project.provide("demoUrl", sites[1].url);
  project.provide("notifySecret", E2E_SECRET);
  project.provide("liveSessionSecret", E2E_SESSION_SECRET);
  project.provide("adminToken", E2E_ADMIN_TOKEN);
  project.provide("adminPassword", E2E_ADMIN_PASSWORD);
  project.provide("liveAdminToken", E2E_ADMIN_TOKEN);
}

export async function teardown() {
  await Promise.all(sites.map((s) => s.stop()));
}
