import { db } from "@/lib/db/client";
import { isOnline, lastSeen } from "@/lib/devices/health";
import { isDemoMode } from "@/lib/devices/demo-mode";
import { NOTIFICATION_OUTCOME, type NotificationOutcome } from "@/lib/notify/outcome";

/**
 * The go-live walkthrough, read from what exists: (1) the owner's own
 * receiving codes are uploaded, (2) a phone is connected (a real device has
 * been heard from), (3) a test came through (a forwarded notification from a
 * real device, whatever it said), then done. Reads only.
 */
export interface Walkthrough {
  codes: { done: boolean; wechat: number; alipay: number };
  phone: { done: boolean; devices: { id: string; name: string; protocol: string; online: boolean; lastSeenAt: Date | null }[] };
  test: {
    done: boolean;
    last: { receivedAt: Date; outcome: NotificationOutcome | null; parseResult: unknown; body: string } | null;
  };
  demo: boolean;
  done: boolean;
}

export async function walkthrough(now = new Date()): Promise<Walkthrough> {
  const [codes, devices, last, demo] = await Promise.all([
    db().qrCode.groupBy({ by: ["channel"], where: { enabled: true, demo: false }, _count: { _all: true } }),
    db().device.findMany({
      where: { kind: { not: "demo" } },
      select: { id: true, name: true, protocol: true, enabled: true, lastHeartbeatAt: true, lastNotificationAt: true },
      orderBy: { createdAt: "asc" },
    }),
    db().notification.findFirst({
      where: { verifyResult: "ok", outcome: { notIn: ["heartbeat", "rejected"] }, device: { kind: { not: "demo" } } },
      orderBy: { receivedAt: "desc" },
      select: { receivedAt: true, outcome: true, parseResult: true, body: true },
    }),
    isDemoMode(),
  ]);
  const count = (ch: string) => codes.find((c) => c.channel === ch)?._count._all ?? 0;
  const phones = devices.map((d) => ({ id: d.id, name: d.name, protocol: d.protocol, online: isOnline(d, now), lastSeenAt: lastSeen(d) }));
  const steps = {
    codes: { done: count("wechat") + count("alipay") > 0, wechat: count("wechat"), alipay: count("alipay") },
    phone: { done: phones.some((p) => p.lastSeenAt !== null), devices: phones },
    test: {
      done: last !== null,
      last: last && {
        receivedAt: last.receivedAt,
        outcome: NOTIFICATION_OUTCOME.parse(last.outcome),
        parseResult: safeJson(last.parseResult),
        body: last.body.slice(0, 500),
      },
    },
  };
  return { ...steps, demo, done: steps.codes.done && steps.phone.done && steps.test.done };
}

function safeJson(s: string | null): unknown {
  if (s === null) return null;
  try {
    return JSON.parse(s);
  } catch {
    return s;
  }
}
