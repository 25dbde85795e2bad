import nodemailer from "nodemailer";
import type { AlertConfig } from "@/lib/alerts/kinds";
import type { AlertMessage } from "@/lib/alerts/message";
import { DeliveryError } from "@/lib/alerts/senders/http";

/**
 * E-mail through the owner's SMTP account (QQ 邮箱, 163, Gmail …) with
 * nodemailer. Port 465 uses TLS from the start; other ports upgrade with
 * STARTTLS when the server offers it.
 */
export async function sendEmail(c: AlertConfig<"email">, m: AlertMessage): Promise<void> {
  const transport = nodemailer.createTransport({
    host: c.host,
    port: c.port,
    secure: c.secure ?? c.port === 465,
    auth: c.user ? { user: c.user, pass: c.pass ?? "" } : undefined,
    connectionTimeout: 15_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  try {
    await transport.sendMail({ from: c.from, to: c.to, subject: m.title, text: m.text });
  } catch (e) {
    throw new DeliveryError(`邮件发送失败（${c.host}:${c.port}）：${(e as Error).message}`);
  } finally {
    transport.close();
  }
}
