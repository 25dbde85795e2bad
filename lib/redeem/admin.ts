import { z } from "zod";
import { stringify } from "csv-stringify/sync";
import { db } from "@/lib/db/client";
import { newId } from "@/lib/ids";
import { AppError } from "@/lib/errors";
import { isUniqueViolation, withTx } from "@/lib/db/tx";
import { labelOf, resolveTargetRef, targetRefSchema } from "@/lib/catalog/ref";
import { formatCode, generateCode, normalizeCode } from "@/lib/redeem/code";
import { chinaDateTimeText } from "@/lib/china-time";
import { CODE_STATUS, type CodeStatus } from "@/lib/redeem/status";

/**
 * The owner's redeem codes: POST/GET /api/admin/redeem-codes, POST
 * /api/admin/redeem-codes/revoke, GET /api/admin/redeem-codes/export (CSV).
 * Codes are stored as text so they can be exported again later (the owner
 * sells or hands them out elsewhere); revoking stops an unused code from
 * working, and a code already redeemed keeps what it granted.
 */
export const MAX_CODES_PER_BATCH = 1000;

export const createCodesInput = z.object({
  target: targetRefSchema,
  count: z.number().int("数量必须是整数").min(1, "数量至少为 1").max(MAX_CODES_PER_BATCH, `一次最多生成 ${MAX_CODES_PER_BATCH} 个`),
  expiresAt: z.iso
    .datetime({ error: "expiresAt 必须是 ISO 时间，例如 2026-12-31T16:00:00Z" })
    .transform((v) => new Date(v))
    .nullable()
    .default(null),
  note: z.string().trim().max(100, "备注最长 100 个字符").optional(),
});

export async function createCodes(input: z.infer<typeof createCodesInput>, now = new Date()) {
  const { target, label } = await resolveTargetRef(input.target);
  const batchId = newId(6);
  for (let attempt = 0; ; attempt++) {
    const codes = Array.from({ length: input.count }, generateCode);
    try {
      await withTx((tx) =>
        tx.redeemCode.createMany({
          data: codes.map((code) => ({
            id: newId(),
            code,
            kind: target.kind,
            articleId: target.kind === "article" ? target.articleId : null,
            seriesId: target.kind === "series" ? target.seriesId : null,
            passId: target.kind === "pass" ? target.passId : null,
            batchId,
            note: input.note || null,
            expiresAt: input.expiresAt,
            createdAt: now,
          })),
        }),
      );
      return { batchId, label, expiresAt: input.expiresAt, codes: codes.map(formatCode) };
    } catch (e) {
      // 80 random bits: a clash is practically impossible, but never a reason to fail.
      if (!isUniqueViolation(e) || attempt >= 2) throw e;
    }
  }
}

const include = { article: { select: { title: true } }, series: { select: { title: true } }, pass: { select: { name: true } } } as const;

function statusOf(c: { redeemedAt: Date | null; revokedAt: Date | null; expiresAt: Date | null }, now: Date): CodeStatus {
  if (c.redeemedAt) return "redeemed";
  if (c.revokedAt) return "revoked";
  if (c.expiresAt && c.expiresAt.getTime() <= now.getTime()) return "expired";
  return "unused";
}

export async function listCodes(q: { batch?: string; limit?: number } = {}, now = new Date()) {
  const rows = await db().redeemCode.findMany({
    where: q.batch ? { batchId: q.batch } : {},
    include,
    orderBy: [{ createdAt: "desc" }, { code: "asc" }],
    take: Math.min(q.limit ?? 5000, 20000),
  });
  return rows.map((c) => ({
    id: c.id,
    code: formatCode(c.code),
    kind: c.kind,
    appliesTo: labelOf(c),
    batchId: c.batchId,
    note: c.note,
    status: statusOf(c, now),
    createdAt: c.createdAt,
    expiresAt: c.expiresAt,
    redeemedAt: c.redeemedAt,
    revokedAt: c.revokedAt,
  }));
}

export type AdminCodeRow = Awaited<ReturnType<typeof listCodes>>[number];

/** One line per batch for the admin page: what it grants and how many codes are in each state. */
export async function listBatches(now = new Date()) {
  const batches = new Map<
    string,
    { batchId: string; appliesTo: string; note: string | null; createdAt: Date; expiresAt: Date | null; counts: Record<CodeStatus, number> }
  >();
  for (const c of await listCodes({}, now)) {
    const b = batches.get(c.batchId) ?? {
      batchId: c.batchId,
      appliesTo: c.appliesTo,
      note: c.note,
      createdAt: c.createdAt,
      expiresAt: c.expiresAt,
      counts: { unused: 0, redeemed: 0, revoked: 0, expired: 0 },
    };
    b.counts[c.status]++;
    batches.set(c.batchId, b);
  }
  return [...batches.values()];
}

export const revokeInput = z
  .object({ codes: z.array(z.string()).max(MAX_CODES_PER_BATCH).optional(), batch: z.string().min(1).max(40).optional() })
  .refine((r) => !!r.codes?.length !== !!r.batch, { message: "请提供 codes（兑换码列表）或 batch（批次）其中之一" });

/** Revokes unused codes; returns how many changed (redeemed ones keep their grant and are not counted). */
export async function revokeCodes(input: z.infer<typeof revokeInput>, now = new Date()): Promise<{ revoked: number }> {
  const codes = (input.codes ?? []).map(normalizeCode).filter((c): c is string => c !== null);
  if (input.codes && codes.length === 0) throw new AppError("invalid_input", "没有可识别的兑换码。");
  const res = await db().redeemCode.updateMany({
    where: { ...(input.batch ? { batchId: input.batch } : { code: { in: codes } }), redeemedAt: null, revokedAt: null },
    data: { revokedAt: now },
  });
  return { revoked: res.count };
}

const chinaTime = (d: Date | null) => (d ? chinaDateTimeText(d) : "");

/** CSV for Excel/WPS: UTF-8 with a byte-order mark (so Chinese text opens right), formulas escaped. */
export async function exportCodesCsv(q: { batch?: string }, now = new Date()): Promise<string> {
  const rows = await listCodes({ ...q, limit: 20000 }, now);
  return stringify(
    rows.map((c) => [
      c.code,
      c.appliesTo,
      c.batchId,
      c.note ?? "",
      chinaTime(c.createdAt),
      chinaTime(c.expiresAt),
      CODE_STATUS.label(c.status),
      chinaTime(c.redeemedAt),
    ]),
    {
      bom: true,
      escape_formulas: true,
      header: true,
      columns: ["兑换码", "内容", "批次", "备注", "生成时间（北京时间）", "有效期至", "状态", "兑换时间"],
    },
  );
}
