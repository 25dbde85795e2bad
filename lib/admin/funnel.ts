/** The dashboard funnel's steps (lib/admin/dashboard.ts counts them), in the owner's words. Client-safe. */
export const FUNNEL_STEPS = [
  ["views", "文章浏览"],
  ["clicks", "点击阅读全文"],
  ["orders", "下单"],
  ["paid", "付款成功"],
] as const;
export type FunnelStep = (typeof FUNNEL_STEPS)[number][0];
