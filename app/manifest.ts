import type { MetadataRoute } from "next";
import { siteSettings } from "@/lib/settings/store";

// Built from the owner's settings in the database at request time; without this Next.js would render it once at build.
export const dynamic = "force-dynamic";

/** Lets readers add the blog to their home screen with its name and icon (public/icon-*.png). */
export default async function manifest(): Promise<MetadataRoute.Manifest> {
  const s = await siteSettings();
  return {
    name: s.siteName,
    short_name: s.siteName.slice(0, 12),
    description: s.description,
    start_url: "/",
    display: "standalone",
    background_color: "#fafaf9",
    theme_color: "#f97316",
    icons: [
      { src: "/icon-192.png", sizes: "192x192", type: "image/png" },
      { src: "/icon-512.png", sizes: "512x512", type: "image/png" },
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml" },
    ],
  };
}
