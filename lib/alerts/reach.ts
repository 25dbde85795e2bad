import { AppError } from "@/lib/errors";
import { OutboundError, refuseLiteralPrivate } from "@/lib/http/outbound";
import { hostOf } from "@/lib/alerts/senders/http";

/** The URLs an alert's settings send to (the SMTP host of an e-mail alert is not a URL). */
const urlsOf = (c: Record<string, unknown>): string[] =>
  ["url", "server", "apiBase"].map((k) => c[k]).filter((v): v is string => typeof v === "string" && /^https?:\/\//i.test(v));

/**
 * A URL that names a private or loopback address outright is refused when the alert is made, unless 允许内网地址
 * is ticked; a host name that resolves to one is refused at every delivery (lib/http/outbound.ts).
 */
export function refusePrivateUrls(config: Record<string, unknown>, allowPrivate: boolean): void {
  for (const raw of urlsOf(config)) {
    let u: URL;
    try {
      u = new URL(raw);
    } catch {
      throw new AppError("invalid_input", `「${hostOf(raw)}」不是有效的网址`);
    }
    try {
      refuseLiteralPrivate(u, allowPrivate);
    } catch (e) {
      if (e instanceof OutboundError) throw new AppError("invalid_input", `${e.message}；接口中为 "allowPrivate": true。`);
      throw e;
    }
  }
}
