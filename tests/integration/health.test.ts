import { describe, expect, it } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { db } from "@/lib/db/client";
import { HEALTH_CACHE_MS } from "@/lib/devices/health";
import { call, makeRequest } from "../support/http";
import { phoneOnline } from "../support/matching";

const check = async () => (await call(health, makeRequest("GET", "/api/health"))).json;
const snapshot = async () => ({
  devices: await db().device.findMany({ orderBy: { id: "asc" } }),
  settings: await db().setting.findMany({ orderBy: { key: "asc" } }),
  notifications: await db().notification.count(),
});

describe("GET /api/health", () => {
  it("writes nothing however often it is called, and sees a new heartbeat within a second", async () => {
    await new Promise((r) => setTimeout(r, HEALTH_CACHE_MS + 50));
    const before = await snapshot();
    for (let i = 0; i < 20; i++) expect((await check()).ok).toBe(true);
    expect(await snapshot()).toEqual(before);

    await phoneOnline();
    await new Promise((r) => setTimeout(r, HEALTH_CACHE_MS + 50));
    const h = await check();
    expect(h).toMatchObject({ ok: true, notifier: { online: true, demo: false } });
    expect(h.notifier.lastSeenAt).not.toBeNull();
  });
});
