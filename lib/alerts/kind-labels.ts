/** The alert kinds and their Chinese names, free of zod so the admin form can import them (CSP: no eval probe). */
export const ALERT_KINDS = ["bark", "serverchan", "telegram", "wecom", "dingtalk", "feishu", "email", "webhook"] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export const ALERT_KIND_LABEL: Record<AlertKind, string> = {
  bark: "Bark（iPhone 推送）",
  serverchan: "Server酱（推送到微信）",
  telegram: "Telegram 机器人",
  wecom: "企业微信群机器人",
  dingtalk: "钉钉群机器人",
  feishu: "飞书群机器人",
  email: "电子邮件（SMTP）",
  webhook: "Webhook（Standard Webhooks 签名）",
};
