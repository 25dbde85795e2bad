import type { Tx } from "@/lib/db/client";
import { db } from "@/lib/db/client";
import { withTx, isUniqueViolation } from "@/lib/db/tx";
import { config, databaseKind } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { newDeviceId, parseReaderCookie, parseRestoreToken, type ReaderCookie, type RestoredVia } from "@/lib/readers/session";

/**
 * Restore links as the database knows them. A link is "<readerId>, generation g";
 * the token itself is signed and stateless (session.ts), a RestoreLink row exists
 * once a link was used or revoked. A link unlocks at most RESTORE_MAX_DEVICES
 * browsers (RestoreDevice rows, counted and inserted in one transaction with the
 * link row locked); the owner can revoke one, which also signs out the browsers
 * that restored through it, and the reader's 我的购买 page then shows generation
 * g+1. The device that bought is never signed out: its cookie names no link.
 */
export const linkId = (readerId: string, generation: number) => `${readerId}.${generation}`;
/** The generation named by a link id. */
export const linkGeneration = (id: string) => Number(id.slice(id.lastIndexOf(".") + 1));

/** The generation of the reader's current link: one past the newest revoked one. Reads only. */
export async function currentGeneration(readerId: string): Promise<number> {
  const revoked = await db().restoreLink.findFirst({
    where: { readerId, revokedAt: { not: null } },
    orderBy: { generation: "desc" },
    select: { generation: true },
  });
  return revoked ? revoked.generation + 1 : 0;
}

/** The reader behind a cookie value, or null when it is missing, forged, or came through a revoked link. */
export async function readerFromCookieValue(value: string | undefined | null): Promise<string | null> {
  return (await readerSessionFromCookieValue(value))?.readerId ?? null;
}

/**
 * The reader and, for a browser restored through a link, which link and device: what decides whose
 * private feed this browser sees (lib/readers/feed-token.ts) and whose mark its copies carry (lib/marks).
 * Null when missing, forged, or restored through a revoked link.
 */
export async function readerSessionFromCookieValue(value: string | undefined | null): Promise<ReaderCookie | null> {
  const cookie = parseReaderCookie(value);
  if (!cookie) return null;
  return (await viaRevokedLink(cookie)) ? null : cookie;
}

async function viaRevokedLink(cookie: ReaderCookie): Promise<boolean> {
  if (!cookie.via) return false;
  const link = await db().restoreLink.findUnique({
    where: { id: linkId(cookie.readerId, cookie.via.generation) },
    select: { revokedAt: true },
  });
  return !!link?.revokedAt;
}

export interface LinkUse {
  revoked: boolean;
  devices: number;
  maxDevices: number;
}

/** For the confirmation page: has this link been revoked, how many browsers used it. */
export async function linkUse(readerId: string, generation: number): Promise<LinkUse> {
  const link = await db().restoreLink.findUnique({
    where: { id: linkId(readerId, generation) },
    select: { revokedAt: true, _count: { select: { devices: true } } },
  });
  return { revoked: !!link?.revokedAt, devices: link?._count.devices ?? 0, maxDevices: config().RESTORE_MAX_DEVICES };
}

export const revokedError = () =>
  new AppError("restore_link_revoked", "这个恢复链接已被站长作废。请在原来的设备上打开「我的购买」，获取新的恢复链接。");

/**
 * Confirming a restore link on this browser: the link must verify and not be
 * revoked, and this browser must already be one of its devices or there must be
 * room for one more. Returns what the browser's new cookie says.
 */
export async function confirmRestoreLink(
  token: string,
  currentCookie: string | undefined,
): Promise<{ readerId: string; via: RestoredVia }> {
  const link = parseRestoreToken(token);
  if (!link) throw new AppError("invalid_input", "恢复链接无效，请检查链接是否完整。");
  // The browser keeps its device id across links, so switching back and forth is one device.
  const deviceId = parseReaderCookie(currentCookie)?.via?.deviceId ?? newDeviceId();
  const id = linkId(link.readerId, link.generation);
  const max = config().RESTORE_MAX_DEVICES;
  for (let attempt = 1; ; attempt++) {
    try {
      await withTx(async (tx) => {
        await lockLink(tx, id, link.readerId, link.generation);
        const row = await tx.restoreLink.findUniqueOrThrow({ where: { id }, select: { revokedAt: true } });
        if (row.revokedAt) throw revokedError();
        if (await tx.restoreDevice.findUnique({ where: { linkId_deviceId: { linkId: id, deviceId } }, select: { deviceId: true } })) return;
        const used = await tx.restoreDevice.count({ where: { linkId: id } });
        if (used >= max) {
          throw new AppError(
            "restore_link_full",
            `这个恢复链接已经在 ${max} 台设备上使用过，不能再用于新的设备。请在已经恢复的设备上阅读；如果链接泄露了，请联系站长作废它并获取新链接。`,
          );
        }
        await tx.restoreDevice.create({ data: { linkId: id, deviceId } });
      });
      return { readerId: link.readerId, via: { generation: link.generation, deviceId } };
    } catch (e) {
      // Two first uses of one link racing to create its row: the loser retries and finds it.
      if (!isUniqueViolation(e) || attempt >= 3) throw e;
    }
  }
}

/**
 * Creates the link's row if needed and, on PostgreSQL, locks it until the
 * transaction ends, so two browsers confirming at once are counted one after
 * the other (SQLite serialises writers anyway).
 */
async function lockLink(tx: Tx, id: string, readerId: string, generation: number): Promise<void> {
  await tx.restoreLink.upsert({ where: { id }, create: { id, readerId, generation }, update: {} });
  if (databaseKind() === "postgres") await tx.$queryRawUnsafe(`SELECT id FROM "RestoreLink" WHERE id = $1 FOR UPDATE`, id);
}
