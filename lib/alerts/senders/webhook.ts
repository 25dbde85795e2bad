import { Webhook } from "standardwebhooks";
import type { AlertConfig } from "@/lib/alerts/kinds";
import type { AlertEvent } from "@/lib/alerts/events";
import { request, type Reach } from "@/lib/alerts/senders/http";

/**
 * The generic webhook: JSON `{ type, timestamp, data }` signed per Standard
 * Webhooks (webhook-id = the event id, so a receiver can drop retries of one
 * event; webhook-timestamp; webhook-signature v1,<base64 HMAC-SHA256>).
 */
export async function sendWebhook(c: AlertConfig<"webhook">, event: AlertEvent, reach: Reach, now = new Date()): Promise<void> {
  const body = JSON.stringify({ type: event.type, timestamp: event.timestamp, data: event.data });
  const signature = new Webhook(c.secret).sign(event.id, now, body);
  await request(
    reach,
    c.url,
    {
      "content-type": "application/json",
      "webhook-id": event.id,
      "webhook-timestamp": String(Math.floor(now.getTime() / 1000)),
      "webhook-signature": signature,
    },
    body,
  );
}
