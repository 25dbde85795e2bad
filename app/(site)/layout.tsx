import Link from "next/link";
import { TopBar } from "@/components/top-bar";
import { SiteFooter } from "@/components/site-footer";
import { siteSettings } from "@/lib/settings/store";

/** The readers' chrome, named by the owner's settings; the owner's admin (app/admin) has its own. */
export default async function SiteLayout({ children }: { children: React.ReactNode }) {
  const settings = await siteSettings();
  return (
    <>
      <TopBar brand={{ href: "/", label: settings.siteName, logo: settings.logoUrl || undefined }} width="max-w-2xl">
        <nav className="ml-auto flex gap-4 text-sm">
          <Link href="/series" className="text-stone-600 hover:text-stone-900">
            专栏
          </Link>
          <Link href="/tags" className="text-stone-600 hover:text-stone-900">
            标签
          </Link>
          <Link href="/me" prefetch={false} className="text-stone-600 hover:text-stone-900">
            我的购买
          </Link>
        </nav>
      </TopBar>
      <main className="mx-auto max-w-2xl px-4 py-6">{children}</main>
      <SiteFooter settings={settings} />
    </>
  );
}
