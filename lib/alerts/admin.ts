import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { jobsFor } from "@/lib/jobs/queue";
import type { JobStatus } from "@/lib/jobs/status";
import { ALERT_KIND_LABEL, type AlertKind, type NewAlert } from "@/lib/alerts/kinds";
import type { AlertEvent, EventType } from "@/lib/alerts/events";
import { testMessage } from "@/lib/alerts/message";
import { deliver } from "@/lib/alerts/deliver";
import { hostOf } from "@/lib/alerts/senders/http";
import { refusePrivateUrls } from "@/lib/alerts/reach";

/**
 * The owner's alerts. Secrets (tokens, keys, robot URLs, SMTP password) are
 * stored and never listed back; the webhook's signing secret is generated here
 * and answered once, at creation.
 */
export interface AlertView {
  id: string;
  kind: AlertKind;
  kindLabel: string;
  name: string;
  /** Where it goes, with secrets masked. */
  target: string;
  events: EventType[];
  enabled: boolean;
  /** 允许内网地址: its URLs may reach private / loopback addresses. */
  allowPrivate: boolean;
  createdAt: Date;
  lastSentAt: Date | null;
  lastError: string | null;
  lastErrorAt: Date | null;
  deliveries: {
    id: string;
    status: JobStatus | null;
    attempts: number;
    maxAttempts: number;
    eventType: string | null;
    lastError: string | null;
    runAt: Date;
    createdAt: Date;
  }[];
}

const mask = (s: unknown) => {
  const v = String(s ?? "");
  return v.length > 8 ? `${v.slice(0, 4)}…${v.slice(-2)}` : "••••";
};

function target(kind: AlertKind, c: Record<string, unknown>): string {
  switch (kind) {
    case "bark":
      return `${hostOf(String(c.server))} · Key ${mask(c.deviceKey)}`;
    case "serverchan":
      return `SendKey ${mask(c.sendKey)}`;
    case "telegram":
      return `chat ${String(c.chatId)} · ${hostOf(String(c.apiBase))}`;
    case "email":
      return `${String(c.to)}（经 ${String(c.host)}:${String(c.port)}）`;
    case "webhook":
      return `${String(c.url).replace(/\?.*$/, "")}`;
    default:
      return `${hostOf(String(c.url))}${c.secret ? " · 已加签" : ""}`;
  }
}

type Row = NonNullable<Awaited<ReturnType<ReturnType<typeof db>["alert"]["findUnique"]>>>;

async function view(a: Row): Promise<AlertView> {
  const jobs = await jobsFor(a.id, 10);
  return {
    id: a.id,
    kind: a.kind as AlertKind,
    kindLabel: ALERT_KIND_LABEL[a.kind as AlertKind] ?? a.kind,
    name: a.name,
    target: target(a.kind as AlertKind, JSON.parse(a.config) as Record<string, unknown>),
    events: JSON.parse(a.events) as EventType[],
    enabled: a.enabled,
    allowPrivate: a.allowPrivate,
    createdAt: a.createdAt,
    lastSentAt: a.lastSentAt,
    lastError: a.lastError,
    lastErrorAt: a.lastErrorAt,
    deliveries: jobs.map((j) => ({
      id: j.id,
      status: j.status,
      attempts: j.attempts,
      maxAttempts: j.maxAttempts,
      eventType: ((j.payload as { event?: { type?: string } })?.event?.type as string | undefined) ?? null,
      lastError: j.lastError,
      runAt: j.runAt,
      createdAt: j.createdAt,
    })),
  };
}

export async function listAlerts(): Promise<AlertView[]> {
  const rows = await db().alert.findMany({ orderBy: { createdAt: "asc" } });
  return Promise.all(rows.map(view));
}

export async function createAlert(input: NewAlert): Promise<{ alert: AlertView; secret?: string }> {
  refusePrivateUrls(input.config, input.allowPrivate ?? false);
  const secret = input.kind === "webhook" ? `whsec_${randomBytes(24).toString("base64")}` : undefined;
  const config = secret ? { ...input.config, secret } : input.config;
  const row = await db().alert.create({
    data: {
      id: `alr_${newId(9)}`,
      kind: input.kind,
      name: input.name || ALERT_KIND_LABEL[input.kind],
      config: JSON.stringify(config),
      events: JSON.stringify(input.events),
      enabled: input.enabled ?? true,
      allowPrivate: input.allowPrivate ?? false,
    },
  });
  return { alert: await view(row), ...(secret ? { secret } : {}) };
}

async function requireAlert(id: string): Promise<Row> {
  const row = await db().alert.findUnique({ where: { id } });
  if (!row) throw new AppError("not_found", "找不到这个提醒。");
  return row;
}

export async function updateAlert(
  id: string,
  patch: { enabled?: boolean; name?: string; events?: string[]; allowPrivate?: boolean },
): Promise<AlertView> {
  const current = await requireAlert(id);
  if (patch.allowPrivate === false) refusePrivateUrls(JSON.parse(current.config) as Record<string, unknown>, false);
  const row = await db().alert.update({
    where: { id },
    data: {
      enabled: patch.enabled,
      name: patch.name,
      events: patch.events ? JSON.stringify(patch.events) : undefined,
      allowPrivate: patch.allowPrivate,
    },
  });
  return view(row);
}

/** Its queued deliveries stop: the handler finds the alert gone and gives up. */
export async function deleteAlert(id: string): Promise<void> {
  await requireAlert(id);
  await db().alert.delete({ where: { id } });
}

/** 「发送测试」: sends now, not through the queue, and answers with the outcome (also recorded on the alert). */
export async function testAlert(id: string): Promise<{ ok: true }> {
  const alert = await requireAlert(id);
  const message = testMessage(alert.name);
  // Webhook receivers see type "alert.test", which no real event uses.
  const event = {
    id: `evt_test_${newId(9)}`,
    type: "alert.test",
    timestamp: new Date().toISOString(),
    data: { name: alert.name, message: message.text },
  } as unknown as AlertEvent;
  try {
    await deliver(alert, message, event);
  } catch (e) {
    throw new AppError("delivery_failed", `测试消息没有送达：${(e as Error).message}`);
  }
  return { ok: true };
}
