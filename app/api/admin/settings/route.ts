import { json, owner, readJson } from "@/lib/http/door";
import { settingsPatch } from "@/lib/settings/schema";
import { siteSettings, updateSiteSettings } from "@/lib/settings/store";

export const GET = owner(async () => json(await siteSettings()));

/** Any subset of the fields; the answer is the settings now in force. */
export const PATCH = owner(async ({ req }) => json(await updateSiteSettings(await readJson(req, settingsPatch, 16 * 1024))));
