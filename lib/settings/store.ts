import { db } from "@/lib/db/client";
import { withTx } from "@/lib/db/tx";
import { DEFAULT_SETTINGS, settingsFields, type SettingKey, type SiteSettings } from "@/lib/settings/schema";
import { registerCache } from "@/lib/process-caches";

/**
 * Site settings live in the Setting table, one row per field ("site.<field>",
 * JSON value), so two owners saving different fields at once cannot undo each
 * other. Every page reads them, so they are read through one cached function:
 * one query per few seconds per process, not one per component. A save clears
 * this process's copy at once; other processes see it within CACHE_MS.
 */
const PREFIX = "site.";
const CACHE_MS = 5_000;
// On globalThis, like the database client: Next.js may load this module once per
// route bundle, and a save in the settings API must clear the copy pages read.
const store = globalThis as unknown as { __paywallSettings?: { at: number; value: Promise<SiteSettings> } };

export function siteSettings(now = Date.now()): Promise<SiteSettings> {
  const cached = store.__paywallSettings;
  if (cached && now - cached.at < CACHE_MS) return cached.value;
  const value = loadSettings();
  store.__paywallSettings = { at: now, value };
  value.catch(() => {
    if (store.__paywallSettings?.value === value) store.__paywallSettings = undefined;
  });
  return value;
}

export function forgetSiteSettings(): void {
  store.__paywallSettings = undefined;
}
registerCache("site-settings", { forget: forgetSiteSettings, content: true });

async function loadSettings(): Promise<SiteSettings> {
  const rows = await db().setting.findMany({ where: { key: { startsWith: PREFIX } }, select: { key: true, value: true } });
  const out: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const r of rows) {
    const key = r.key.slice(PREFIX.length) as SettingKey;
    if (!(key in settingsFields)) continue;
    // A value written by an older version that no longer passes keeps the default rather than breaking every page.
    const parsed = settingsFields[key].safeParse(parseJson(r.value));
    if (parsed.success) out[key] = parsed.data;
  }
  return out as SiteSettings;
}

function parseJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return undefined;
  }
}

/** Saves the named fields (already validated) in one transaction and returns the settings now in force. */
export async function updateSiteSettings(patch: Partial<SiteSettings>): Promise<SiteSettings> {
  const entries = Object.entries(patch).filter(([, v]) => v !== undefined);
  await withTx(async (tx) => {
    for (const [k, v] of entries) {
      const key = `${PREFIX}${k}`;
      const value = JSON.stringify(k === "siteUrl" ? String(v).replace(/\/+$/, "") : v);
      await tx.setting.upsert({ where: { key }, create: { key, value }, update: { value } });
    }
  });
  forgetSiteSettings();
  return siteSettings();
}

/** The site's public origin: the configured address, else the one the request came in on. */
export function publicOrigin(s: SiteSettings, requestOrigin: string): string {
  return s.siteUrl || requestOrigin;
}
