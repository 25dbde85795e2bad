import type { Channel } from "@/lib/channels";
import { yuanToCents } from "@/lib/money";

/**
 * What a decoded QR text is. Only personal receiving codes are accepted:
 * WeChat `wxp://…` (or its https://payapp.weixin.qq.com/… form) and Alipay
 * `https://qr.alipay.com/…` (Alipay prints the URL upper-case, so the scheme
 * and host compare case-insensitively). Anything else — a WeChat add-friend
 * code, a shop's mini-program, a random URL — would take readers' money nowhere.
 */
export function classifyPayload(text: string): Channel | null {
  const t = text.trim();
  if (t.length === 0 || t.length > 1000) return null;
  if (/^wxp:\/\/\S+$/i.test(t)) return "wechat";
  let url: URL;
  try {
    url = new URL(t);
  } catch {
    return null;
  }
  if (url.protocol !== "https:" || url.pathname.length < 2) return null;
  if (url.hostname === "payapp.weixin.qq.com") return "wechat";
  if (url.hostname === "qr.alipay.com") return "alipay";
  return null;
}

/**
 * A fixed amount named by the file, e.g. `0.99.png`, `¥5.png`, `1.50元.jpg`.
 * Deliberately strict: `IMG_20240101.png` must not become a ¥20,240,101 code.
 */
export function amountFromFileName(name: string): number | null {
  const base = name
    .replace(/^.*[\\/]/, "")
    .replace(/\.[a-z0-9]{1,5}$/i, "")
    .trim();
  const m = /^[¥￥]?\s*(\d{1,5}(?:\.\d{1,2})?)\s*元?$/.exec(base);
  if (!m) return null;
  const cents = yuanToCents(m[1]);
  return cents && cents > 0 ? cents : null;
}
