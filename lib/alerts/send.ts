import type { AlertConfig, AlertKind } from "@/lib/alerts/kinds";
import type { AlertEvent } from "@/lib/alerts/events";
import type { AlertMessage } from "@/lib/alerts/message";
import { sendBark, sendServerChan, sendTelegram } from "@/lib/alerts/senders/push";
import { sendDingtalk, sendFeishu, sendWecom } from "@/lib/alerts/senders/robots";
import { sendEmail } from "@/lib/alerts/senders/email";
import { sendWebhook } from "@/lib/alerts/senders/webhook";
import type { Reach } from "@/lib/alerts/senders/http";

type MessageKind = Exclude<AlertKind, "email" | "webhook">;

/** The channels that post the owner's message to a URL: each takes its config, the message and the address rule. */
const POST_MESSAGE: { [K in MessageKind]: (config: AlertConfig<K>, message: AlertMessage, reach: Reach) => Promise<void> } = {
  bark: sendBark,
  serverchan: sendServerChan,
  telegram: sendTelegram,
  wecom: sendWecom,
  dingtalk: sendDingtalk,
  feishu: sendFeishu,
};

/**
 * Sends one message (and, for the webhook, the event itself) through one alert's channel; `reach` says whether
 * its URL may be a private address (the alert's 允许内网地址).
 */
export async function sendAlert(
  kind: AlertKind,
  config: Record<string, unknown>,
  message: AlertMessage,
  event: AlertEvent,
  reach: Reach,
): Promise<void> {
  if (kind === "email") return sendEmail(config as AlertConfig<"email">, message);
  if (kind === "webhook") return sendWebhook(config as AlertConfig<"webhook">, event, reach);
  const post = POST_MESSAGE[kind] as (config: Record<string, unknown>, message: AlertMessage, reach: Reach) => Promise<void>;
  return post(config, message, reach);
}
