import { randomBytes } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { newId } from "@/lib/ids";
import { AppError } from "@/lib/errors";
import { isUniqueViolation } from "@/lib/db/tx";
import { CHANNELS, type Channel } from "@/lib/channels";
import { channelSchema } from "@/lib/channel-schema";
import { normalizeDomain } from "@/lib/gateway/urls";
import { centsSchema } from "@/lib/price-schema";

/**
 * The owner's merchants (apps that take payments through the gateway):
 * GET/POST /api/admin/merchants, PATCH /api/admin/merchants/{pid},
 * POST /api/admin/merchants/{pid}/rotate. The key is returned on creation and
 * rotation only; the protocols sign with MD5 over the key itself, so it is
 * stored as given, like a device secret, and never listed.
 */
const FIRST_PID = 1001;
/**
 * Unpaid orders a merchant's server may have holding an amount at once when it sends no buyer address (V免签
 * createOrder): generous — a shop's whole traffic goes through it — but bounded, so whoever can open orders at
 * the shop cannot hold every amount of the site.
 */
export const DEFAULT_MAX_HELD_ORDERS = 200;

const domains = z
  .array(z.string().max(260))
  .max(20, "最多 20 个域名")
  .transform((list, ctx) => {
    const out: string[] = [];
    for (const d of list) {
      const n = normalizeDomain(d);
      if (!n) ctx.addIssue({ code: "custom", message: `「${d}」不是有效的域名，例如 shop.example.com` });
      else if (!out.includes(n)) out.push(n);
    }
    return out;
  });
const cents = centsSchema("金额");

const fields = {
  name: z.string().trim().min(1, "请填写商户名称").max(60, "名称最多 60 个字"),
  notifyDomains: domains,
  channels: z.array(channelSchema).min(1, "至少开通一种收款渠道"),
  minCents: cents,
  maxCents: cents,
  ampKeySign: z.boolean(),
  allowPrivate: z.boolean(),
  maxHeldOrders: z.number().int().min(0, "不能小于 0（0 表示不限）").max(100_000, "最多 100000"),
  enabled: z.boolean(),
};
const limitsOk = (m: { minCents?: number; maxCents?: number }) => !m.minCents || !m.maxCents || m.minCents <= m.maxCents;
const limitsMsg = { message: "最低金额不能高于最高金额" };

export const merchantInput = z
  .object({
    ...fields,
    notifyDomains: domains.refine((d) => d.length > 0, "请至少填写一个允许的通知域名（商户网站的域名）"),
    channels: fields.channels.default([...CHANNELS]),
    minCents: cents.default(1),
    maxCents: cents.default(500_000),
    ampKeySign: z.boolean().default(false),
    allowPrivate: z.boolean().default(false),
    maxHeldOrders: fields.maxHeldOrders.default(DEFAULT_MAX_HELD_ORDERS),
    enabled: z.boolean().default(true),
  })
  .refine(limitsOk, limitsMsg);
export const merchantPatch = z.object(fields).partial().refine(limitsOk, limitsMsg);

/** The admin's /api/admin/merchants/{pid}/… segment: the number as given (not a number finds no merchant: 404). */
export const pidParams = z.object({ pid: z.string().transform(Number) });

export interface MerchantRow {
  id: string;
  pid: number;
  name: string;
  key: string;
  notifyDomains: string;
  channels: string;
  minCents: number;
  maxCents: number;
  ampKeySign: boolean;
  allowPrivate: boolean;
  maxHeldOrders: number;
  enabled: boolean;
  createdAt: Date;
  keyRotatedAt: Date | null;
}

export const domainsOf = (m: Pick<MerchantRow, "notifyDomains">): string[] => JSON.parse(m.notifyDomains) as string[];
export const channelsOf = (m: Pick<MerchantRow, "channels">): Channel[] => JSON.parse(m.channels) as Channel[];

/** What the admin sees of a merchant: everything but the key. */
export function merchantView(m: MerchantRow) {
  return {
    pid: m.pid,
    name: m.name,
    notifyDomains: domainsOf(m),
    channels: channelsOf(m),
    minCents: m.minCents,
    maxCents: m.maxCents,
    ampKeySign: m.ampKeySign,
    allowPrivate: m.allowPrivate,
    maxHeldOrders: m.maxHeldOrders,
    enabled: m.enabled,
    createdAt: m.createdAt.toISOString(),
    keyRotatedAt: m.keyRotatedAt?.toISOString() ?? null,
  };
}
export type MerchantView = ReturnType<typeof merchantView>;

/** 32 hex characters: what V免签 and 易支付 clients expect a key to look like (no characters that need escaping). */
const newKey = () => randomBytes(16).toString("hex");

export async function createMerchant(input: z.infer<typeof merchantInput>): Promise<MerchantView & { key: string }> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const last = await db().merchant.findFirst({ orderBy: { pid: "desc" }, select: { pid: true } });
    try {
      const m = await db().merchant.create({
        data: {
          id: newId(),
          pid: Math.max(FIRST_PID, (last?.pid ?? 0) + 1),
          name: input.name,
          key: newKey(),
          notifyDomains: JSON.stringify(input.notifyDomains),
          channels: JSON.stringify(input.channels),
          minCents: input.minCents,
          maxCents: input.maxCents,
          ampKeySign: input.ampKeySign,
          allowPrivate: input.allowPrivate,
          maxHeldOrders: input.maxHeldOrders,
          enabled: input.enabled,
        },
      });
      return { ...merchantView(m), key: m.key };
    } catch (e) {
      // Two merchants created at once took the same next pid: take the one after.
      if (!isUniqueViolation(e)) throw e;
    }
  }
  throw new AppError("busy", "创建商户冲突，请重试。");
}

export async function requireMerchant(pid: number): Promise<MerchantRow> {
  const m = Number.isSafeInteger(pid) ? await db().merchant.findUnique({ where: { pid } }) : null;
  if (!m) throw new AppError("not_found", "商户不存在。");
  return m;
}

export async function updateMerchant(pid: number, patch: z.infer<typeof merchantPatch>): Promise<MerchantView> {
  const m = await requireMerchant(pid);
  const next = { minCents: patch.minCents ?? m.minCents, maxCents: patch.maxCents ?? m.maxCents };
  if (next.minCents > next.maxCents) throw new AppError("invalid_input", limitsMsg.message);
  if (patch.notifyDomains && patch.notifyDomains.length === 0) throw new AppError("invalid_input", "请至少保留一个允许的通知域名");
  const updated = await db().merchant.update({
    where: { id: m.id },
    data: {
      ...patch,
      notifyDomains: patch.notifyDomains ? JSON.stringify(patch.notifyDomains) : undefined,
      channels: patch.channels ? JSON.stringify(patch.channels) : undefined,
    },
  });
  return merchantView(updated);
}

/** A new key, shown once; the old one stops working at once (signatures, api.php, V免签). */
export async function rotateMerchantKey(pid: number, now = new Date()): Promise<MerchantView & { key: string }> {
  const m = await requireMerchant(pid);
  const updated = await db().merchant.update({ where: { id: m.id }, data: { key: newKey(), keyRotatedAt: now } });
  return { ...merchantView(updated), key: updated.key };
}

export async function listMerchants() {
  const rows = await db().merchant.findMany({ orderBy: { pid: "asc" } });
  const counts = await db().merchantOrder.groupBy({ by: ["merchantId", "status"], _count: { _all: true } });
  return rows.map((m) => {
    const mine = counts.filter((c) => c.merchantId === m.id);
    const count = (s: string) => mine.find((c) => c.status === s)?._count._all ?? 0;
    return { ...merchantView(m), orders: { paid: count("paid"), notifyFailed: count("paid_notify_failed"), pending: count("pending") } };
  });
}
