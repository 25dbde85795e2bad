import { db } from "@/lib/db/client";
import { withTx } from "@/lib/db/tx";
import { minutesUntilSlotsFree } from "@/lib/db/slot-holds";
import { newId } from "@/lib/ids";
import { AppError } from "@/lib/errors";
import { CHANNEL_LABEL, type Channel } from "@/lib/channels";
import { lockChannel } from "@/lib/orders/slots";
import { defaultAccountId, requireAccount } from "@/lib/accounts/store";
import { decodeQrImage } from "@/lib/qr/decode";
import { amountFromFileName, classifyPayload } from "@/lib/qr/payload";

/** The owner's receiving codes: decoded on upload; only the payload is kept, never the photo. */
const qrSelect = {
  id: true,
  channel: true,
  payload: true,
  amountCents: true,
  label: true,
  enabled: true,
  accountId: true,
  demo: true,
  perDayCount: true,
  createdAt: true,
} as const;

export interface UploadedImage {
  name: string;
  bytes: Buffer;
}

export interface UploadOptions {
  channel?: Channel;
  amountCents?: number | null;
  label?: string | null;
  /** The receiving account the codes are of; the channel's default account when absent. */
  accountId?: string;
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
  const account = opts.accountId ? await requireAccount(opts.accountId, opts.channel) : null;
  const defaults = { wechat: await defaultAccountId(db(), "wechat"), alipay: await defaultAccountId(db(), "alipay") };
  const rows = files.map((f) => {
    const decoded = decodeQrImage(f.bytes);
    if (!decoded.ok) throw new AppError("unparseable", `「${f.name}」${REASONS[decoded.reason]}。`);
    const channel = classifyPayload(decoded.text);
    if (!channel) {
      throw new AppError("unparseable", `「${f.name}」不是微信或支付宝个人收款码（识别到：${decoded.text.slice(0, 80)}）。`);
    }
    if (opts.channel && opts.channel !== channel) {
      throw new AppError(
        "invalid_input",
        `「${f.name}」是${CHANNEL_LABEL[channel]}收款码，与所选渠道${CHANNEL_LABEL[opts.channel]}不一致。`,
      );
    }
    if (account && account.channel !== channel) {
      throw new AppError(
        "invalid_input",
        `「${f.name}」是${CHANNEL_LABEL[channel]}收款码，而所选收款账户是${CHANNEL_LABEL[account.channel]}账户。`,
      );
    }
    // An explicit amount wins; otherwise a name like 0.99.png; otherwise a universal code.
    const amountCents = opts.amountCents ?? amountFromFileName(f.name);
    const accountId = account?.id ?? defaults[channel];
    return {
      name: f.name,
      data: { id: newId(), channel, accountId, payload: decoded.text.trim(), amountCents, label: opts.label ?? null },
    };
  });
  const seen = new Set<string>();
  for (const { name, data } of rows) {
    if (seen.has(data.payload)) throw new AppError("conflict", `「${name}」与同批另一张图片是同一个收款码。`);
    seen.add(data.payload);
  }
  return withTx(async (tx) => {
    const dupes = await tx.qrCode.findMany({ where: { payload: { in: [...seen] } }, select: { payload: true } });
    if (dupes.length) {
      const name = rows.find((r) => r.data.payload === dupes[0].payload)?.name;
      throw new AppError("conflict", `「${name}」这个收款码已经上传过了。`);
    }
    const created = [];
    for (const { data } of rows) created.push(await tx.qrCode.create({ data, select: qrSelect }));
    return created;
  });
}

export type QrRow = Awaited<ReturnType<typeof listQrCodes>>[number];

/** With the name of the receiving account each code is of (a code without one is its channel's default account's). */
export async function listQrCodes() {
  const [codes, accounts] = await Promise.all([
    db().qrCode.findMany({ select: qrSelect, orderBy: [{ channel: "asc" }, { amountCents: "asc" }, { createdAt: "asc" }] }),
    db().account.findMany({ select: { id: true, name: true, defaultFor: true } }),
  ]);
  const name = (c: { channel: string; accountId: string | null }) =>
    accounts.find((a) => (c.accountId ? a.id === c.accountId : a.defaultFor === c.channel))?.name ?? null;
  return codes.map((c) => ({ ...c, accountName: name(c) }));
}

/**
 * Enable/disable and label. The amount is immutable: a fixed-amount code's
 * payload encodes its amount, and orders in flight were priced by it. Disabling
 * is always allowed: new orders stop using the code, open ones keep it.
 */
export async function updateQrCode(
  id: string,
  patch: { enabled?: boolean; label?: string | null; amountCents?: number | null; perDayCount?: number | null },
) {
  const found = await db().qrCode.findUnique({ where: { id }, select: { amountCents: true } });
  if (!found) throw new AppError("not_found", "找不到这个收款码。");
  const { amountCents, ...rest } = patch;
  if (amountCents !== undefined && amountCents !== found.amountCents) {
    throw new AppError("invalid_input", "收款码的金额由二维码本身决定，不能修改：请删除这个收款码后重新上传，并填写正确的金额。");
  }
  // Alipay caps how often a set-amount code may be paid a day; a universal code has the account's ceilings instead.
  if (patch.perDayCount != null && found.amountCents === null) {
    throw new AppError("invalid_input", "只有固定金额的收款码可以设置每日笔数上限；任意金额码请在「收款账户」里设置账户的每日上限。");
  }
  return db().qrCode.update({ where: { id }, data: rest, select: qrSelect });
}

/**
 * Refused while an order that shows this code holds an amount slot (the reader
 * may be scanning it right now, or has just paid). On PostgreSQL the channel's
 * slot lock is taken first, so a concurrent slot taking is either counted here or
 * fails cleanly afterwards. Orders that used the code keep their history
 * (qrCodeId becomes null).
 */
export async function deleteQrCode(id: string, now = new Date()): Promise<void> {
  await withTx(async (tx) => {
    const code = await tx.qrCode.findUnique({ where: { id }, select: { channel: true } });
    if (!code) throw new AppError("not_found", "找不到这个收款码。");
    await lockChannel(tx, code.channel as Channel);
    const minutes = await minutesUntilSlotsFree(tx, { qrCodeId: id }, now);
    if (minutes !== null) {
      throw new AppError(
        "conflict",
        `有读者正在用这个收款码付款（或刚付完、通知还没到），现在不能删除。请先「停用」，约 ${minutes} 分钟后再删除。`,
      );
    }
    await tx.qrCode.delete({ where: { id } });
  });
}
