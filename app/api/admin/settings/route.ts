import { json, readJson } from "@/lib/http/handler";
import { adminRoute } from "@/lib/admin/route";
import { settingsPatch } from "@/lib/settings/schema";
import { siteSettings, updateSiteSettings } from "@/lib/settings/store";

export const dynamic = "force-dynamic";

export const GET = adminRoute(async () => json(await siteSettings()));

/** Any subset of the fields; the answer is the settings now in force. */
export const PATCH = adminRoute(async (req) => json(await updateSiteSettings(await readJson(req, settingsPatch, 16 * 1024))));
