/**
 * Builds the site once (when stale) and starts two production servers:
 * "live" has a notifier secret (the real path), "demo" has none (demo mode).
 */
import type { TestProject } from "vitest/node";
import { buildIfStale } from "../../scripts/lib/build";
import { startSite, type RunningSite } from "./support/server";

export const E2E_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

declare module "vitest" {
  export interface ProvidedContext {
    liveUrl: string;
    demoUrl: string;
    notifySecret: string;
  }
}

let sites: RunningSite[] = [];

export async function setup(project: TestProject) {
  buildIfStale();
  const base = Number(process.env.E2E_PORT ?? 3900);
  sites = await Promise.all([
    startSite(base, { NOTIFY_SECRET: E2E_SECRET, ADMIN_PASSWORD: "e2e-admin-password" }),
    startSite(base + 1, { ORDER_TTL_SECONDS: "10" }),
  ]);
  project.provide("liveUrl", sites[0].url);
  project.provide("demoUrl", sites[1].url);
  project.provide("notifySecret", E2E_SECRET);
}

export async function teardown() {
  await Promise.all(sites.map((s) => s.stop()));
}
