/** Steps the reader-site e2e tests share: a signed phone notification, the owner's API and login. */
import { inject } from "vitest";
import type { Browser, BrowserContext } from "playwright-core";
import { signNative } from "../../../lib/notify/native-signature";

export async function notify(base: string, payload: Record<string, unknown>) {
  const body = JSON.stringify({ deviceid: "e2e-phone", ...payload });
  const headers = signNative(inject("notifySecret"), body, `msg_${Math.random().toString(36).slice(2)}`);
  const res = await fetch(`${base}/api/notify`, { method: "POST", headers: { ...headers, "content-type": "application/json" }, body });
  return res.json();
}

/** The owner's JSON API with the bearer token (both e2e sites have one). */
export async function adminApi<T = unknown>(
  base: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: T }> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${inject("adminToken")}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json().catch(() => null)) as T };
}

export async function createPost(
  base: string,
  post: { slug: string; title: string; priceCents: number; markdown: string; tags?: string[] },
) {
  const res = await adminApi(base, "POST", "/api/admin/articles", { ...post, published: true });
  if (res.status !== 201 && res.status !== 409) throw new Error(`creating ${post.slug}: ${res.status} ${JSON.stringify(res.json)}`);
}

/** A browser context logged in to the admin through the login page. */
export async function ownerContext(browser: Browser, base: string): Promise<BrowserContext> {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(`${base}/admin/login`);
  await page.getByLabel("管理密码").fill(inject("adminPassword"));
  await page.getByRole("button", { name: "登录" }).click();
  await page.waitForURL(`${base}/admin`);
  await page.close();
  return ctx;
}

/** Every <meta> of a page's HTML as [name-or-property, content]. */
export function metaTags(html: string): [string, string][] {
  return [...html.matchAll(/<meta\s+(?:name|property)="([^"]+)"\s+content="([^"]*)"/g)].map((m) => [m[1], m[2]]);
}
