import { db } from "@/lib/db/client";
import { withTx } from "@/lib/db/tx";
import { newId } from "@/lib/ids";
import { AppError } from "@/lib/errors";
import type { Channel } from "@/lib/orders/allocation";
import { decodeQrImage } from "@/lib/qr/decode";
import { amountFromFileName, classifyPayload, CHANNEL_LABEL } from "@/lib/qr/payload";

/** The owner's receiving codes: decoded on upload; only the payload is kept, never the photo. */
export const qrSelect = { id: true, channel: true, payload: true, amountCents: true, label: true, enabled: true, demo: true, createdAt: true } as const;

export interface UploadedImage {
  name: string;
  bytes: Buffer;
}

export interface UploadOptions {
  channel?: Channel;
  amountCents?: number | null;
  label?: string | null;
}

const REASONS = {
  unsupported: "不是 PNG 或 JPEG 图片",
  too_large: "图片分辨率过大",
  corrupt: "图片已损坏，无法读取",
  no_qr: "没有识别到二维码（请上传清晰、完整的收款码截图）",
} as const;

/** Decodes and checks every file first; stores all of them or none, so a bad file is a clean 4xx. */
export async function uploadQrCodes(files: UploadedImage[], opts: UploadOptions) {
  if (files.length === 0) throw new AppError("invalid_input", "请至少选择一张收款码图片（字段 files）。");
  const rows = files.map((f) => {
    const decoded = decodeQrImage(f.bytes);
    if (!decoded.ok) throw new AppError("unparseable", `「${f.name}」${REASONS[decoded.reason]}。`);
    const channel = classifyPayload(decoded.text);
    if (!channel) {
      throw new AppError("unparseable", `「${f.name}」不是微信或支付宝个人收款码（识别到：${decoded.text.slice(0, 80)}）。`);
    }
    if (opts.channel && opts.channel !== channel) {
      throw new AppError("invalid_input", `「${f.name}」是${CHANNEL_LABEL[channel]}收款码，与所选渠道${CHANNEL_LABEL[opts.channel]}不一致。`);
    }
    // An explicit amount wins; otherwise a name like 0.99.png; otherwise a universal code.
    const amountCents = opts.amountCents ?? amountFromFileName(f.name);
    return { id: newId(), channel, payload: decoded.text.trim(), amountCents, label: opts.label ?? null, name: f.name };
  });
  const seen = new Set<string>();
  for (const r of rows) {
    if (seen.has(r.payload)) throw new AppError("conflict", `「${r.name}」与同批另一张图片是同一个收款码。`);
    seen.add(r.payload);
  }
  return withTx(async (tx) => {
    const dupes = await tx.qrCode.findMany({ where: { payload: { in: [...seen] } }, select: { payload: true } });
    if (dupes.length) {
      const name = rows.find((r) => r.payload === dupes[0].payload)?.name;
      throw new AppError("conflict", `「${name}」这个收款码已经上传过了。`);
    }
    const created = [];
    for (const { name: _name, ...data } of rows) created.push(await tx.qrCode.create({ data, select: qrSelect }));
    return created;
  });
}

export async function listQrCodes() {
  return db().qrCode.findMany({ select: qrSelect, orderBy: [{ channel: "asc" }, { amountCents: "asc" }, { createdAt: "asc" }] });
}

export async function updateQrCode(id: string, patch: { enabled?: boolean; label?: string | null; amountCents?: number | null }) {
  const found = await db().qrCode.findUnique({ where: { id }, select: { id: true } });
  if (!found) throw new AppError("not_found", "找不到这个收款码。");
  return db().qrCode.update({ where: { id }, data: patch, select: qrSelect });
}

/** Orders that used the code keep their history (qrCodeId becomes null). */
export async function deleteQrCode(id: string): Promise<void> {
  const { count } = await db().qrCode.deleteMany({ where: { id } });
  if (count === 0) throw new AppError("not_found", "找不到这个收款码。");
}
