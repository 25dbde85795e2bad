import type { AlertConfig } from "@/lib/alerts/kinds";
import type { AlertMessage } from "@/lib/alerts/message";
import { expectField, postJson, request, type Reach } from "@/lib/alerts/senders/http";

/** Personal push services: Bark (iPhone), Server酱 (WeChat), a Telegram bot. */

export async function sendBark(c: AlertConfig<"bark">, m: AlertMessage, reach: Reach): Promise<void> {
  // Bark's JSON API (also on self-hosted bark-server): POST /push.
  const answer = await postJson(reach, `${c.server.replace(/\/+$/, "")}/push`, {
    device_key: c.deviceKey,
    title: m.title,
    body: m.text,
    group: "付费阅读",
  });
  expectField(answer, "code", 200, "Bark");
}

/** SendKeys of Server酱³ (`sctp<uid>t…`) have their own host; Turbo keys use sctapi. */
export function serverChanUrl(c: AlertConfig<"serverchan">): string {
  if (c.apiBase) return `${c.apiBase.replace(/\/+$/, "")}/${c.sendKey}.send`;
  const sc3 = /^sctp(\d+)t/i.exec(c.sendKey);
  return sc3 ? `https://${sc3[1]}.push.ft07.com/send/${c.sendKey}.send` : `https://sctapi.ftqq.com/${c.sendKey}.send`;
}

export async function sendServerChan(c: AlertConfig<"serverchan">, m: AlertMessage, reach: Reach): Promise<void> {
  const body = new URLSearchParams({ title: m.title, desp: m.text }).toString();
  const answer = await request(reach, serverChanUrl(c), { "content-type": "application/x-www-form-urlencoded;charset=utf-8" }, body);
  expectField(answer, "code", 0, "Server酱");
}

export async function sendTelegram(c: AlertConfig<"telegram">, m: AlertMessage, reach: Reach): Promise<void> {
  const answer = await postJson(reach, `${c.apiBase.replace(/\/+$/, "")}/bot${c.botToken}/sendMessage`, {
    chat_id: c.chatId,
    text: `${m.title}\n${m.text}`,
    disable_web_page_preview: true,
  });
  expectField(answer, "ok", true, "Telegram");
}
