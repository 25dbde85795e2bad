import { api, send } from "@/lib/client/api";

interface SignedNotification {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/**
 * The 模拟付款 button: the server signs a receipt for this order, the browser
 * sends it to /api/notify like a phone would. Either step's refusal is thrown
 * as an ApiError carrying the server's message, so the dialog can show it.
 */
export async function sendDemoPayment(orderId: string): Promise<void> {
  const signed = await send<SignedNotification>("POST", "/api/demo/pay", { orderId });
  await api<unknown>(signed.url, { method: "POST", headers: signed.headers, body: signed.body });
}
