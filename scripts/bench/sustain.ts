/**
 * Sustained sales: readers arrive at a steady rate on one price and one channel,
 * each pays 1–5 s after getting the code, and one receipt in four is followed by
 * the stacked "[2条]" echo of the same money (a new webhook-id, as phones send it).
 * Counts paid orders per minute, readers turned away (503 busy) and wrong
 * settlements: an order paid by a notification meant for another, or an echo
 * settling anything.
 */
import { signNative } from "../../lib/notify/native-signature";
import { stackedReceiptText } from "../../lib/notify/receipt-text";
import { BENCH_PHONE, createOrder, notifyPayment, orderStatus, type Phone } from "./site";
import { percentile, type Figure } from "./stats";
import { chinaWallClock } from "../../lib/china-time";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** `phones`: the phone of each extra receiving account by its code's payload (bench-accounts.ts); others are the env phone's. */
export async function sustain(
  url: string,
  o: { slug: string; seconds: number; perMinute: number; phones?: Map<string, Phone> },
): Promise<Figure> {
  const gap = 60_000 / o.perMinute;
  const lat: number[] = [];
  let paid = 0;
  let busy = 0;
  let failed = 0;
  let wrong = 0;
  let echoes = 0;
  let n = 0;
  const started = Date.now();
  const reader = async (i: number) => {
    const t = performance.now();
    const order = await createOrder(url, o.slug);
    if (!order.id) {
      if (order.status === 503) busy++;
      else failed++;
      return;
    }
    lat.push(performance.now() - t);
    await sleep(1000 + Math.random() * 4000);
    const posted = new Date();
    // The payment lands on the account whose code the reader was shown: its phone reports it.
    const phone = o.phones?.get(order.qrPayload ?? "") ?? BENCH_PHONE;
    const result = await notifyPayment(url, "wechat", order.amountCents!, `msg_sustain_${order.id}`, chinaWallClock(posted), phone);
    if (result.startsWith("matched:") && result !== `matched:${order.id}`) wrong++;
    if (i % 4 === 0) {
      await sleep(200 + Math.random() * 1800);
      echoes++;
      const body = JSON.stringify({
        deviceid: phone.device,
        ...stackedReceiptText("wechat", order.amountCents!),
        time: chinaWallClock(posted),
      });
      const res = await fetch(`${url}/api/notify`, {
        method: "POST",
        headers: { ...signNative(phone.secret, body, `msg_echo_${order.id}`), "content-type": "application/json" },
        body,
      });
      const echo = (await res.json()) as { result?: string };
      if (echo.result === "matched" || echo.result === "late_matched") wrong++;
    }
    if ((await orderStatus(url, order.id)) === "paid") paid++;
    else failed++;
  };
  const running: Promise<void>[] = [];
  while (Date.now() - started < o.seconds * 1000) {
    running.push(reader(n++).catch(() => void failed++));
    await sleep(gap - ((Date.now() - started) % gap));
  }
  await Promise.all(running);
  const minutes = (Date.now() - started) / 60_000;
  lat.sort((a, b) => a - b);
  return {
    title: `sustained sales (${o.perMinute}/min offered, ${o.seconds}s)`,
    rps: paid / minutes,
    unit: "paid/min",
    p50: Math.round(percentile(lat, 50)),
    p99: Math.round(percentile(lat, 99)),
    bad: busy + failed,
    note: `${paid} paid, ${busy} busy, ${failed} failed, ${wrong} wrongly settled, ${echoes} echoes sent`,
  };
}
