import { describe, expect, it } from "vitest";
import { GET as read, PATCH as update } from "@/app/api/admin/settings/route";
import { siteSettings } from "@/lib/settings/store";
import { DEFAULT_SETTINGS } from "@/lib/settings/schema";
import { db } from "@/lib/db/client";
import { call, makeRequest } from "../support/http";
import { adminCookie, adminRequest, enableAdmin, type Via } from "../support/admin";

describe.each<Via>(["session", "token"])("site settings API (via %s)", (via) => {
  it("answers the defaults before anything is set", async () => {
    enableAdmin();
    const res = await call(read, await adminRequest(via, "GET", "/api/admin/settings"));
    expect(res.status).toBe(200);
    expect(res.json).toEqual(DEFAULT_SETTINGS);
  });

  it("saves a subset and keeps the other fields", async () => {
    enableAdmin();
    await call(update, await adminRequest(via, "PATCH", "/api/admin/settings", { body: { siteName: "慢生活", author: "老王" } }));
    const res = await call(
      update,
      await adminRequest(via, "PATCH", "/api/admin/settings", {
        body: { icp: "京ICP备12345678号-1", defaultPriceCents: 299, siteUrl: "https://blog.example.com/" },
      }),
    );
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      siteName: "慢生活",
      author: "老王",
      icp: "京ICP备12345678号-1",
      defaultPriceCents: 299,
      siteUrl: "https://blog.example.com",
    });
    expect(await siteSettings()).toEqual(res.json);
  });

  it("refuses bad values and unknown fields with a 400 that says which, saving nothing", async () => {
    enableAdmin();
    for (const [body, field] of [
      [{ siteName: "" }, "siteName"],
      [{ icp: "12345" }, "icp"],
      [{ channelOrder: "paypal" }, "channelOrder"],
      [{ defaultPriceCents: 1.5 }, "defaultPriceCents"],
      [{ siteTitle: "x" }, "siteTitle"],
    ] as const) {
      const res = await call(update, await adminRequest(via, "PATCH", "/api/admin/settings", { body }));
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json.error.code).toBe("invalid_input");
      expect(res.text).toContain(field);
    }
    expect(await db().setting.count({ where: { key: { startsWith: "site." } } })).toBe(0);
  });
});

describe("site settings access", () => {
  it("needs the owner: 401 without a session, 403 for a cross-site write", async () => {
    enableAdmin();
    expect((await call(read, makeRequest("GET", "/api/admin/settings"))).status).toBe(401);
    const cross = makeRequest("PATCH", "/api/admin/settings", {
      body: { siteName: "被改了" },
      cookie: await adminCookie(),
      headers: { "sec-fetch-site": "cross-site" },
    });
    expect((await call(update, cross)).status).toBe(403);
    expect((await siteSettings()).siteName).toBe(DEFAULT_SETTINGS.siteName);
  });

  it("falls back to the default for a stored value that no longer passes, instead of breaking every page", async () => {
    await db().setting.create({ data: { key: "site.siteName", value: JSON.stringify("") } });
    await db().setting.create({ data: { key: "site.author", value: "not json" } });
    expect(await siteSettings()).toMatchObject({ siteName: DEFAULT_SETTINGS.siteName, author: "" });
  });
});
