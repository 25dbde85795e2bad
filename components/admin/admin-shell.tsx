"use client";
import { useRef, useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { adminSend } from "@/lib/swr/use-admin";
import { TopBar } from "@/components/top-bar";
import { NavGroups } from "@/components/admin/nav-groups";

/**
 * The admin's frame: the top bar, the grouped navigation (a sidebar from laptop width, a menu behind
 * 「菜单」 on a phone) and the page. The phone menu is a modal <dialog>: focus moves into it and stays
 * there, Escape closes it, and focus returns to the button that opened it. Its links exist only while it
 * is open (the sidebar's are hidden below laptop width), so the page shows one set of them at a time.
 */
export function AdminShell({ children }: { children: React.ReactNode }) {
  const router = useRouter();
  const menu = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const show = () => {
    menu.current?.showModal();
    setOpen(true);
  };
  const hide = () => menu.current?.close();
  async function logout() {
    await adminSend("POST", "/api/admin/logout").catch(() => {});
    router.replace("/admin/login");
    router.refresh();
  }
  return (
    <>
      <TopBar brand={{ href: "/admin", label: "管理后台" }} width="max-w-6xl" sticky>
        <button
          ref={opener}
          type="button"
          onClick={show}
          aria-expanded={open}
          aria-controls="admin-menu"
          className="rounded border border-stone-300 px-2 py-1 text-sm lg:hidden"
        >
          菜单
        </button>
        <span className="flex-1" />
        <Link href="/" className="hidden shrink-0 text-sm text-stone-500 hover:text-stone-900 sm:inline">
          查看网站
        </Link>
        <button type="button" onClick={logout} className="shrink-0 rounded px-2 py-1 text-sm text-stone-600 hover:bg-stone-100">
          退出
        </button>
      </TopBar>
      <div className="mx-auto flex max-w-6xl gap-6 px-4">
        <aside className="hidden w-40 shrink-0 py-6 lg:block">
          <div className="sticky top-16">
            <NavGroups />
          </div>
        </aside>
        <main className="min-w-0 flex-1 space-y-4 py-4 sm:py-6">{children}</main>
      </div>
      <dialog
        ref={menu}
        id="admin-menu"
        aria-label="后台菜单"
        onClose={() => {
          setOpen(false);
          opener.current?.focus();
        }}
        onClick={(e) => e.target === menu.current && hide()}
        className="m-0 h-dvh max-h-none w-72 max-w-[85vw] bg-stone-50 p-0 shadow-xl"
      >
        {/* Fills the panel, so a click on the dialog element itself is a click on the backdrop. */}
        <div className="flex h-full flex-col">
          <div className="flex items-center justify-between border-b border-stone-200 px-4 py-2.5">
            <span className="font-semibold">管理后台</span>
            <button type="button" onClick={hide} className="rounded px-2 py-1 text-sm text-stone-600 hover:bg-stone-200">
              关闭菜单
            </button>
          </div>
          {open && (
            <div className="flex-1 space-y-4 overflow-y-auto p-4">
              <NavGroups onNavigate={hide} />
              <Link href="/" onClick={hide} className="block px-2 text-sm text-stone-500 underline">
                查看网站
              </Link>
            </div>
          )}
        </div>
      </dialog>
    </>
  );
}
