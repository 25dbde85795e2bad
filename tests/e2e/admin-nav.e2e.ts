/**
 * The admin's grouped navigation in Chromium: on a phone behind 「菜单」 (a modal menu that shows every
 * page on one screen), on a laptop as a sidebar that is always there.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchBrowser } from "./support/browser";

const live = inject("liveUrl");
/** One page in each group, the last of the longest group among them. */
const ONE_PER_GROUP: [group: string, link: string, path: string][] = [
  ["内容", "导入导出", "/admin/import"],
  ["销售", "订单", "/admin/orders"],
  ["收款", "对账", "/admin/reconcile"],
  ["网站与账号", "账号", "/admin/account"],
];
const ALL_PAGES = 22;
let browser: Browser;

async function loggedIn(viewport: { width: number; height: number }): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await browser.newContext({ viewport });
  const page = await ctx.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(`${live}/admin/login`);
  await page.getByLabel("管理密码").fill(inject("adminPassword"));
  await page.getByRole("button", { name: "登录" }).click();
  await page.waitForURL(`${live}/admin`);
  return { ctx, page };
}

const nav = (page: Page) => page.getByRole("navigation", { name: "后台导航" });

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

describe("the admin navigation at phone width (375 px)", () => {
  it("opens behind 「菜单」 with every page on screen, and reaches a page in each group", async () => {
    const { ctx, page } = await loggedIn({ width: 375, height: 740 });
    const button = page.getByRole("button", { name: "菜单", exact: true });
    expect(await nav(page).count()).toBe(0); // the sidebar is not shown on a phone
    expect(await button.getAttribute("aria-expanded")).toBe("false");

    await button.click();
    const menu = page.getByRole("dialog", { name: "后台菜单" });
    await menu.waitFor();
    expect(await button.getAttribute("aria-expanded")).toBe("true");
    const links = nav(page).getByRole("link");
    expect(await links.count()).toBe(ALL_PAGES);
    for (const box of await Promise.all((await links.all()).map((l) => l.boundingBox()))) {
      expect(box).not.toBeNull();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(375);
      expect(box!.y + box!.height).toBeLessThanOrEqual(740);
    }
    await page.keyboard.press("Escape");
    await menu.waitFor({ state: "hidden" });

    for (const [group, label, path] of ONE_PER_GROUP) {
      await button.click();
      await menu.getByRole("heading", { name: group, exact: true }).waitFor();
      await menu.getByRole("link", { name: label, exact: true }).click();
      await page.waitForURL(`${live}${path}`);
      await menu.waitFor({ state: "hidden" });
      expect(await button.getAttribute("aria-expanded")).toBe("false");
      await button.click();
      expect(await menu.getByRole("link", { name: label, exact: true }).getAttribute("aria-current")).toBe("page");
      await page.keyboard.press("Escape");
      await menu.waitFor({ state: "hidden" });
    }
    await ctx.close();
  });

  it("takes focus into the open menu, keeps it off the page behind, and gives it back to 「菜单」 on Escape", async () => {
    const { ctx, page } = await loggedIn({ width: 375, height: 740 });
    const button = page.getByRole("button", { name: "菜单", exact: true });
    await button.click();
    const inMenu = () => page.evaluate(() => !!document.activeElement?.closest("#admin-menu"));
    // Past the last link focus may leave for the browser's own controls, never for the page behind the menu.
    const notBehind = () =>
      page.evaluate(() => document.activeElement === document.body || !!document.activeElement?.closest("#admin-menu"));
    expect(await inMenu()).toBe(true);
    for (let i = 0; i < ALL_PAGES + 4; i++) {
      await page.keyboard.press("Tab");
      expect(await notBehind(), `after ${i + 1} tabs`).toBe(true);
    }
    await page.keyboard.press("Escape");
    await page.getByRole("dialog", { name: "后台菜单" }).waitFor({ state: "hidden" });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("菜单");
    expect(await button.getAttribute("aria-expanded")).toBe("false");
    await ctx.close();
  });
});

describe("the admin navigation at laptop width (1280 px)", () => {
  it("shows every page in its group without a menu, and reaches a page in each group", async () => {
    const { ctx, page } = await loggedIn({ width: 1280, height: 800 });
    expect(await page.getByRole("button", { name: "菜单", exact: true }).isVisible()).toBe(false);
    expect(await nav(page).getByRole("link").count()).toBe(ALL_PAGES);
    for (const [group, label, path] of ONE_PER_GROUP) {
      expect(await nav(page).getByRole("heading", { name: group, exact: true }).isVisible()).toBe(true);
      await nav(page).getByRole("link", { name: label, exact: true }).click();
      await page.waitForURL(`${live}${path}`);
      expect(await nav(page).getByRole("link", { name: label, exact: true }).getAttribute("aria-current")).toBe("page");
    }
    expect(await nav(page).getByRole("link", { name: "概览", exact: true }).getAttribute("aria-current")).toBeNull();
    await ctx.close();
  });
});
