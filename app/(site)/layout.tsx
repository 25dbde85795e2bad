import Link from "next/link";
import { TopBar } from "@/components/top-bar";

/** The readers' chrome; the owner's admin (app/admin) has its own. */
export default function SiteLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <TopBar brand={{ href: "/", label: "付费阅读" }} width="max-w-2xl">
        <nav className="ml-auto flex gap-4 text-sm">
          <Link href="/series" className="text-stone-600 hover:text-stone-900">
            专栏
          </Link>
          <Link href="/me" prefetch={false} className="text-stone-600 hover:text-stone-900">
            我的购买
          </Link>
        </nav>
      </TopBar>
      <main className="mx-auto max-w-2xl px-4 py-6">{children}</main>
    </>
  );
}
