import { config, truthy } from "@/lib/config";

/** The site's public origin for setup instructions; forwarded headers count only behind a known proxy. */
export function siteOrigin(req: Request): string {
  const url = new URL(req.url);
  if (truthy(config().TRUST_PROXY)) {
    const host = req.headers.get("x-forwarded-host")?.split(",")[0]?.trim();
    const proto = req.headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
    if (host) return `${proto === "https" ? "https" : "http"}://${host}`;
  }
  const host = req.headers.get("host");
  return host ? `${url.protocol}//${host}` : url.origin;
}
