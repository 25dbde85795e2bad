import type { Metadata } from "next";

// Private pages: keep them out of search engines and shared caches (see next.config.js headers).
export const metadata: Metadata = { title: { default: "管理后台", template: "%s · 管理后台" }, robots: { index: false, follow: false } };
// Every admin page reads the owner's session and live data per request: never prerendered at build time.
export const dynamic = "force-dynamic";

export default function AdminRoot({ children }: { children: React.ReactNode }) {
  return <div className="min-h-screen bg-stone-100">{children}</div>;
}
