import { z } from "zod";
import { eventTypesSchema } from "@/lib/alerts/events";
import { ALERT_KINDS, type AlertKind } from "@/lib/alerts/kind-labels";

/**
 * Where alerts can go: each kind's settings (names and labels live in kind-labels.ts, for the browser).
 * Settings arrive flat next to `kind` (`{"kind":"webhook","url":…,"events":[…]}`).
 */
export { ALERT_KINDS, ALERT_KIND_LABEL, type AlertKind } from "@/lib/alerts/kind-labels";

const httpUrl = (what: string) =>
  z
    .string({ error: `请填写${what}` })
    .trim()
    .max(500)
    .refine((u) => /^https?:\/\/[^\s/]+/i.test(u), `${what}必须是 http:// 或 https:// 开头的网址`);
const text = (what: string, max = 300) =>
  z
    .string({ error: `请填写${what}` })
    .trim()
    .min(1, `请填写${what}`)
    .max(max);

export const configSchemas = {
  bark: z.object({ server: httpUrl("Bark 服务器地址").default("https://api.day.app"), deviceKey: text("Bark 设备 Key", 200) }),
  serverchan: z.object({ sendKey: text("Server酱 SendKey", 200), apiBase: httpUrl("Server酱 接口地址").optional() }),
  telegram: z.object({
    botToken: text("机器人 Token", 200),
    chatId: text("Chat ID", 100),
    apiBase: httpUrl("Telegram API 地址").default("https://api.telegram.org"),
  }),
  wecom: z.object({ url: httpUrl("企业微信机器人 Webhook 地址") }),
  dingtalk: z.object({ url: httpUrl("钉钉机器人 Webhook 地址"), secret: z.string().trim().max(200).optional() }),
  feishu: z.object({ url: httpUrl("飞书机器人 Webhook 地址"), secret: z.string().trim().max(200).optional() }),
  email: z.object({
    host: text("SMTP 服务器", 200),
    port: z.coerce.number({ error: "端口必须是数字" }).int().min(1).max(65535).default(465),
    secure: z.boolean().optional(),
    user: z.string().trim().max(200).optional(),
    pass: z.string().max(500).optional(),
    from: text("发件人", 200),
    to: text("收件人", 500),
  }),
  webhook: z.object({ url: httpUrl("Webhook 地址") }),
} as const;

export type AlertConfig<K extends AlertKind = AlertKind> = z.output<(typeof configSchemas)[K]> &
  (K extends "webhook" ? { secret: string } : object);

/** Fields holding a secret: never listed back, only their presence. */
export const SECRET_FIELDS: Record<AlertKind, string[]> = {
  bark: ["deviceKey"],
  serverchan: ["sendKey"],
  telegram: ["botToken"],
  wecom: ["url"],
  dingtalk: ["url", "secret"],
  feishu: ["url", "secret"],
  email: ["pass"],
  webhook: ["secret"],
};

const common = {
  name: z.string().trim().max(60).optional(),
  events: eventTypesSchema,
  enabled: z.boolean().optional(),
  /** 允许内网地址: the alert's URLs may reach private / loopback addresses (a receiver on this machine or LAN). */
  allowPrivate: z.boolean({ error: "allowPrivate 必须是 true 或 false" }).optional(),
};

export interface NewAlert {
  kind: AlertKind;
  name?: string;
  events: string[];
  enabled?: boolean;
  allowPrivate?: boolean;
  config: Record<string, unknown>;
}

const kindSchema = z.object({ kind: z.enum(ALERT_KINDS, { error: `kind 必须是 ${ALERT_KINDS.join("、")} 之一` }) });

/** POST /api/admin/alerts body: `kind`, the kind's settings, `events`, optional `name` / `enabled`. */
export function parseNewAlert(body: unknown): NewAlert {
  const { kind } = kindSchema.parse(body);
  const { name, events, enabled, allowPrivate, ...config } = configSchemas[kind].extend(common).parse(body) as Record<string, unknown> & {
    name?: string;
    events: string[];
    enabled?: boolean;
    allowPrivate?: boolean;
  };
  return { kind, name, events, enabled, allowPrivate, config };
}
