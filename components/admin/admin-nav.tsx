"use client";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { adminSend } from "@/lib/swr/use-admin";
import { TopBar } from "@/components/top-bar";

const LINKS = [
  ["/admin", "概览"],
  ["/admin/posts", "文章"],
  ["/admin/qr", "收款码"],
  ["/admin/accounts", "收款账户"],
  ["/admin/orders", "订单"],
  ["/admin/passes", "全站通"],
  ["/admin/series", "专栏"],
  ["/admin/redeem-codes", "兑换码"],
  ["/admin/coupons", "优惠码"],
  ["/admin/payments", "收款"],
  ["/admin/requests", "读者请求"],
  ["/admin/merchants", "网关商户"],
  ["/admin/restore-links", "恢复链接"],
  ["/admin/notifications", "通知日志"],
  ["/admin/devices", "设备"],
  ["/admin/alerts", "提醒"],
  ["/admin/reconcile", "对账"],
  ["/admin/settings", "站点设置"],
  ["/admin/account", "账号"],
] as const;

export function AdminNav() {
  const path = usePathname();
  const router = useRouter();
  const active = (href: string) => (href === "/admin" ? path === href : path.startsWith(href));
  async function logout() {
    await adminSend("POST", "/api/admin/logout").catch(() => {});
    router.replace("/admin/login");
    router.refresh();
  }
  return (
    <TopBar brand={{ href: "/admin", label: "管理后台" }} width="max-w-5xl" sticky>
      <nav aria-label="后台导航" className="flex min-w-0 flex-1 gap-1 overflow-x-auto text-sm">
        {LINKS.map(([href, label]) => (
          <Link
            key={href}
            href={href}
            aria-current={active(href) ? "page" : undefined}
            className={`shrink-0 rounded px-2 py-1 ${active(href) ? "bg-stone-900 text-white" : "text-stone-600 hover:bg-stone-100"}`}
          >
            {label}
          </Link>
        ))}
      </nav>
      <Link href="/" className="hidden shrink-0 text-sm text-stone-500 hover:text-stone-900 sm:inline">
        查看网站
      </Link>
      <button type="button" onClick={logout} className="shrink-0 rounded px-2 py-1 text-sm text-stone-600 hover:bg-stone-100">
        退出
      </button>
    </TopBar>
  );
}
