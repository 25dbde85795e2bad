/**
 * The admin's pages, in the groups the navigation shows (docs/admin.md, "Pages"). The overview stands
 * alone at the top; every other page belongs to one group.
 */
export interface NavGroup {
  name: string;
  links: readonly (readonly [href: string, label: string])[];
}

export const OVERVIEW = ["/admin", "概览"] as const;

export const NAV_GROUPS: readonly NavGroup[] = [
  {
    name: "内容",
    links: [
      ["/admin/posts", "文章"],
      ["/admin/series", "专栏"],
      ["/admin/import", "导入导出"],
    ],
  },
  {
    name: "销售",
    links: [
      ["/admin/orders", "订单"],
      ["/admin/passes", "全站通"],
      ["/admin/redeem-codes", "兑换码"],
      ["/admin/coupons", "优惠码"],
      ["/admin/merchants", "网关商户"],
      ["/admin/trace", "泄露追踪"],
    ],
  },
  {
    name: "收款",
    links: [
      ["/admin/payments", "收款"],
      ["/admin/requests", "读者请求"],
      ["/admin/qr", "收款码"],
      ["/admin/accounts", "收款账户"],
      ["/admin/devices", "设备"],
      ["/admin/notifications", "通知日志"],
      ["/admin/reconcile", "对账"],
    ],
  },
  {
    name: "网站与账号",
    links: [
      ["/admin/settings", "站点设置"],
      ["/admin/alerts", "提醒"],
      ["/admin/backups", "备份"],
      ["/admin/restore-links", "恢复链接"],
      ["/admin/account", "账号"],
    ],
  },
];

/** The page a path belongs to: the overview only at /admin itself, any other page for its whole subtree. */
export const isCurrent = (href: string, path: string): boolean =>
  href === OVERVIEW[0] ? path === href : path === href || path.startsWith(`${href}/`);
