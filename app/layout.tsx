import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import { siteOrigin } from "@/lib/http/origin";
import { publicOrigin, siteSettings } from "@/lib/settings/store";
import { feedAlternates } from "@/lib/feeds/links";
import "./globals.css";

/** Every page is named by the owner's settings (the admin's own layout overrides the title). */
export async function generateMetadata(): Promise<Metadata> {
  // Headers first: it marks every page as rendered per request, so the build never needs the database.
  const requestOrigin = siteOrigin(await headers());
  const s = await siteSettings();
  const origin = publicOrigin(s, requestOrigin);
  return {
    metadataBase: new URL(origin),
    title: { default: s.siteName, template: `%s · ${s.siteName}` },
    description: s.description,
    applicationName: s.siteName,
    ...(s.author ? { authors: [{ name: s.author }] } : {}),
    icons: {
      icon: [
        ...(s.logoUrl ? [{ url: s.logoUrl }] : []),
        { url: "/favicon.ico", sizes: "any" },
        { url: "/icon.svg", type: "image/svg+xml" },
      ],
      apple: s.logoUrl || "/apple-touch-icon.png",
    },
    manifest: "/manifest.webmanifest",
    alternates: { types: feedAlternates(s.siteName) },
    openGraph: {
      type: "website",
      siteName: s.siteName,
      locale: "zh_CN",
      title: s.siteName,
      description: s.description,
      ...(s.logoUrl ? { images: [s.logoUrl] } : {}),
    },
    twitter: { card: "summary", title: s.siteName, description: s.description },
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#f97316" };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="zh-CN">
      <body className="min-h-screen">{children}</body>
    </html>
  );
}
