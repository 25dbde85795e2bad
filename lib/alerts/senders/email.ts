import nodemailer from "nodemailer";
import type { AlertConfig } from "@/lib/alerts/kinds";
import type { AlertMessage } from "@/lib/alerts/message";
import { DeliveryError } from "@/lib/alerts/senders/http";
import { OUTBOUND_DEADLINE_MS } from "@/lib/http/outbound";

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
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 10_000,
  });
  // A hard deadline over the whole exchange, like every outgoing request (lib/http/outbound.ts): a server that
  // trickles its replies restarts the socket timeouts with every byte and would hold the worker.
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new DeliveryError(`邮件发送失败（${c.host}:${c.port}）：超时（${OUTBOUND_DEADLINE_MS / 1000} 秒内未完成）`)),
      OUTBOUND_DEADLINE_MS,
    );
  });
  try {
    await Promise.race([transport.sendMail({ from: c.from, to: c.to, subject: m.title, text: m.text }), deadline]);
  } catch (e) {
    if (e instanceof DeliveryError) throw e;
    throw new DeliveryError(`邮件发送失败（${c.host}:${c.port}）：${(e as Error).message.slice(0, 120)}`);
  } finally {
    clearTimeout(timer);
    transport.close();
  }
}
