import type { AlertConfig, AlertKind } from "@/lib/alerts/kinds";
import type { AlertEvent } from "@/lib/alerts/events";
import type { AlertMessage } from "@/lib/alerts/message";
import { sendBark, sendServerChan, sendTelegram } from "@/lib/alerts/senders/push";
import { sendDingtalk, sendFeishu, sendWecom } from "@/lib/alerts/senders/robots";
import { sendEmail } from "@/lib/alerts/senders/email";
import { sendWebhook } from "@/lib/alerts/senders/webhook";
import type { Reach } from "@/lib/alerts/senders/http";

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
  switch (kind) {
    case "bark":
      return sendBark(config as AlertConfig<"bark">, message, reach);
    case "serverchan":
      return sendServerChan(config as AlertConfig<"serverchan">, message, reach);
    case "telegram":
      return sendTelegram(config as AlertConfig<"telegram">, message, reach);
    case "wecom":
      return sendWecom(config as AlertConfig<"wecom">, message, reach);
    case "dingtalk":
      return sendDingtalk(config as AlertConfig<"dingtalk">, message, reach);
    case "feishu":
      return sendFeishu(config as AlertConfig<"feishu">, message, reach);
    case "email":
      return sendEmail(config as AlertConfig<"email">, message);
    case "webhook":
      return sendWebhook(config as AlertConfig<"webhook">, event, reach);
  }
}
