import Link from "next/link";

/** The readers' chrome; the owner's admin (app/admin) has its own. */
export default function SiteLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <header className="border-b border-stone-200 bg-white">
        <nav className="mx-auto flex max-w-2xl items-center justify-between px-4 py-3">
          <Link href="/" className="font-semibold">付费阅读</Link>
          <Link href="/me" prefetch={false} className="text-sm text-stone-600 hover:text-stone-900">我的购买</Link>
        </nav>
      </header>
      <main className="mx-auto max-w-2xl px-4 py-6">{children}</main>
    </>
  );
}
