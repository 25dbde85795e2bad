import { z } from "zod";
import { CHANNEL_ORDERS } from "@/lib/settings/channel-order";
import { centsSchema } from "@/lib/price-schema";

/**
 * The owner's site settings: what the site calls itself and shows in its footer.
 * The server's rules (the admin form imports only lib/settings/channel-order.ts: zod in the browser trips the CSP).
 * Every field has a default, so a new site looks finished before anything is set.
 */
export { CHANNEL_ORDERS, CHANNEL_ORDER_LABEL, type ChannelOrder } from "@/lib/settings/channel-order";

const text = (max: number, what: string) =>
  z
    .string({ error: `${what}必须是文字` })
    .trim()
    .max(max, `${what}最长 ${max} 个字符`);
const noMarkup = (s: string) => !/[<>]/.test(s);

// An absolute http(s) URL, or a path on this site (an uploaded image: /media/…).
const urlOrPath = (max: number, what: string) =>
  text(max, what).refine((s) => s === "" || /^\/[^/\\]/.test(s) || /^https?:\/\/[^\s"'<>]+$/i.test(s), {
    error: `${what}必须是 https:// 开头的网址或以 / 开头的本站路径`,
  });

export const settingsFields = {
  siteName: text(40, "站点名称").min(1, "请填写站点名称").refine(noMarkup, "站点名称不能包含 < 或 >"),
  description: text(200, "站点简介").refine(noMarkup, "站点简介不能包含 < 或 >"),
  author: text(40, "作者").refine(noMarkup, "作者不能包含 < 或 >"),
  logoUrl: urlOrPath(500, "站点图标"),
  footerText: text(300, "页脚文字").refine(noMarkup, "页脚文字不能包含 < 或 >"),
  /** ICP 备案号, e.g. 京ICP备12345678号-1: shown in the footer, linked to beian.miit.gov.cn. */
  icp: text(40, "ICP 备案号").refine((s) => s === "" || /ICP/i.test(s), "ICP 备案号应形如「京ICP备12345678号-1」"),
  /** 公安备案号, e.g. 京公网安备11010502030143号: linked to the record on beian.mps.gov.cn. */
  psb: text(40, "公安备案号").refine((s) => s === "" || /公网安备\s*\d{6,}/.test(s), "公安备案号应形如「京公网安备11010502030143号」"),
  /** The price a new post starts with in the editor. */
  defaultPriceCents: centsSchema("默认价格", 0),
  /**
   * 默认试读字数: how much of a paid post stays public when it has no `<!-- more -->` line of its own —
   * used where posts arrive without one (imports); 0 = the whole post is paid.
   */
  teaserChars: z
    .number({ error: "默认试读字数必须是整数" })
    .int("默认试读字数必须是整数")
    .min(0, "默认试读字数不能为负")
    .max(5000, "默认试读字数最多 5000"),
  /** Which channel the payment dialog offers first (inside WeChat, WeChat always comes first). */
  channelOrder: z.enum(CHANNEL_ORDERS, { error: "channelOrder 必须是 auto、wechat 或 alipay" }),
  /** Under a paid post a reader bought, the visible line 「本文仅供 读者 XXXXXX 阅读」 (lib/marks): survives a screenshot. */
  readerLine: z.boolean({ error: "readerLine 必须是 true 或 false" }),
  /** How soon the owner promises to answer a reader's 申请退款 / 有问题 (hours): shown to the reader, due date of the request. */
  requestResponseHours: z
    .number({ error: "答复时限必须是整数（小时）" })
    .int("答复时限必须是整数（小时）")
    .min(1, "答复时限至少 1 小时")
    .max(720, "答复时限最长 720 小时（30 天）"),
  /** The public address, e.g. https://blog.example.com: links in feeds, the sitemap and share cards. Empty = the address of each request. */
  siteUrl: text(200, "站点网址").refine((s) => s === "" || /^https?:\/\/[a-z0-9.-]+(:\d+)?$/i.test(s.replace(/\/+$/, "")), {
    error: "站点网址应形如 https://blog.example.com（不带路径）",
  }),
};

export const siteSettingsSchema = z.object(settingsFields);
export type SiteSettings = z.infer<typeof siteSettingsSchema>;
export type SettingKey = keyof SiteSettings;

/** PATCH body: any subset; a field the server does not know is an error, not silently dropped. */
export const settingsPatch = siteSettingsSchema.partial().strict();

export const DEFAULT_SETTINGS: SiteSettings = {
  siteName: "付费阅读",
  description: "用个人收款码付费解锁全文",
  author: "",
  logoUrl: "",
  footerText: "",
  icp: "",
  psb: "",
  defaultPriceCents: 100,
  teaserChars: 300,
  channelOrder: "auto",
  readerLine: false,
  requestResponseHours: 48,
  siteUrl: "",
};
