/**
 * npm run bench:js — the reader's JavaScript on an article page: every script its HTML loads
 * (gzip, total and per file), then what the browser fetches on demand when the reader clicks
 * 阅读全文 (the pay dialog). Builds if stale and starts its own site on a throwaway database,
 * or measures a running site with --url. Run `npm run bench:js -- --help` for the options.
 */
import { buildIfStale } from "../../server/build";
import { startSite, type RunningSite } from "../../tests/e2e/support/server";
import { launchBrowser } from "../../tests/e2e/support/browser";
import { BENCH_SECRET, heartbeat } from "./site";
import { uploadUniversalCodes } from "../lib/upload-codes";
import { extraJs, formatPageJs, pageJs } from "./page-js";

const HELP = `Usage: npm run bench:js [-- options]

  --slug SLUG      the article to measure (default indie-income-report, a seeded ¥5 post)
  --port PORT      port of the site this script starts (default 3980)
  --url URL        measure a running site instead (e.g. http://localhost:3000); no build, no site started
  --no-browser     only the page's own scripts; skip Chromium and the on-demand chunks
  --help           this text

Prints the gzip size (level 9) of every JavaScript file the article page's HTML loads (the goal is
< 120 KB in total), then the chunks Chromium fetches when the reader clicks 阅读全文.
Chromium: /usr/bin/chromium, or CHROMIUM_PATH.`;

const argv = process.argv.slice(2);
if (argv.includes("--help")) {
  console.log(HELP);
  process.exit(0);
}
const arg = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const slug = arg("slug") ?? "indie-income-report";
const port = Number(arg("port") ?? 3980);
if (!Number.isInteger(port) || port <= 0) throw new Error(`--port needs a port number (got ${arg("port")})`);
const adminToken = "bench-admin-token-0123456789abcdef";

let site: RunningSite | null = null;
try {
  let url = arg("url")?.replace(/\/$/, "");
  if (!url) {
    buildIfStale();
    site = await startSite(port, {
      NOTIFY_SECRET: BENCH_SECRET,
      ADMIN_TOKEN: adminToken,
      SESSION_SECRET: "bench-session-secret-0123456789",
    });
    url = site.url;
    // A live notifier and real codes, so 阅读全文 opens the dialog with a QR code as for a reader.
    await heartbeat(url);
    await uploadUniversalCodes(url, adminToken);
  }
  const page = `/posts/${slug}`;
  const initial = await pageJs(url, page);
  console.log(formatPageJs(`reader JavaScript of ${page} (before any click)`, initial));
  console.log(`  goal < 120 KB gzip: ${initial.gzip < 120 * 1024 ? "met" : "NOT met"}`);
  if (!argv.includes("--no-browser"))
    console.log(formatPageJs("loaded on demand by 阅读全文 (the pay dialog)", await onDemand(url, page, initial)));
} finally {
  await site?.stop();
}

/** Opens the page in Chromium, clicks 阅读全文 and returns the JavaScript fetched beyond the page's own. */
async function onDemand(url: string, page: string, initial: Awaited<ReturnType<typeof pageJs>>) {
  const browser = await launchBrowser();
  try {
    const tab = await (await browser.newContext()).newPage();
    const fetched: string[] = [];
    tab.on("response", (r) => r.request().resourceType() === "script" && fetched.push(r.url()));
    await tab.goto(`${url}${page}`, { waitUntil: "networkidle" });
    await tab.getByRole("button", { name: /^阅读全文/ }).click();
    await tab.getByRole("dialog").waitFor();
    await tab.waitForLoadState("networkidle");
    return await extraJs(url, fetched, initial);
  } finally {
    await browser.close();
  }
}
