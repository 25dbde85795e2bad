import type { MetadataRoute } from "next";
import { headers } from "next/headers";
import { siteOrigin } from "@/lib/http/origin";
import { siteSettings, publicOrigin } from "@/lib/settings/store";

// The site's address comes from the request and the owner's settings; without this Next.js would render it once at build.
export const dynamic = "force-dynamic";

/** /robots.txt: the owner's admin, the API and every per-reader page stay out of search engines. */
export default async function robots(): Promise<MetadataRoute.Robots> {
  const origin = publicOrigin(await siteSettings(), siteOrigin(await headers()));
  return {
    // Not "/me": robots rules are prefixes, and it would also shut out /media/ (share-card images). /me is noindex itself.
    rules: { userAgent: "*", allow: "/", disallow: ["/admin", "/api/", "/restore/", "/feed/private/"] },
    sitemap: `${origin}/sitemap.xml`,
  };
}
