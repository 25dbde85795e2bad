import { z } from "zod";

/**
 * The notifier protocols a phone can speak (docs/connect-phone.md): our own
 * Standard Webhooks one, SmsForwarder's webhook sender and the V免签 monitor
 * app. The one home of their names, labels and input schema. Client-safe.
 */
export const PROTOCOLS = ["native", "smsforwarder", "vmq"] as const;
export type Protocol = (typeof PROTOCOLS)[number];

const PROTOCOL_LABEL: Record<Protocol, string> = { native: "原生协议", smsforwarder: "SmsForwarder", vmq: "V免签" };

export function protocolLabel(protocol: string): string {
  return (PROTOCOLS as readonly string[]).includes(protocol) ? PROTOCOL_LABEL[protocol as Protocol] : protocol;
}

export const protocolSchema = /* @__PURE__ */ z.enum(PROTOCOLS, { error: "protocol 只能是 native、smsforwarder 或 vmq" });
