import { db } from "@/lib/db/client";
import { config } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { currentGeneration, linkId } from "@/lib/readers/links";
import { linkFromTokenParam } from "@/lib/readers/restore";

/**
 * The owner's view of restore links: the ones readers have used (with how many
 * browsers each), and revoking one — by the link a reader sent, or by reader id
 * (that reader's current link). Revoking signs out the browsers that restored
 * through it; the reader's own device keeps its purchases and shows a new link.
 */
const READER_ID = /^[A-Za-z0-9_-]{16,64}$/;

export async function listRestoreLinks(limit = 100) {
  const rows = await db().restoreLink.findMany({
    orderBy: { createdAt: "desc" },
    take: Math.min(Math.max(limit, 1), 500),
    select: {
      id: true,
      readerId: true,
      generation: true,
      createdAt: true,
      revokedAt: true,
      devices: { select: { createdAt: true }, orderBy: { createdAt: "desc" } },
    },
  });
  const max = config().RESTORE_MAX_DEVICES;
  return rows.map(({ devices, ...r }) => ({ ...r, devices: devices.length, maxDevices: max, lastUsedAt: devices[0]?.createdAt ?? null }));
}

export type RestoreLinkRow = Awaited<ReturnType<typeof listRestoreLinks>>[number];

const LINK_ID = /^([A-Za-z0-9_-]{16,64})\.(0|[1-9][0-9]{0,5})$/;

/** The link named by a pasted restore URL, a bare token, a link id from the list, or a reader id (their current link). */
async function resolveLink(input: string): Promise<{ readerId: string; generation: number }> {
  const text = input.trim();
  const listed = LINK_ID.exec(text);
  if (listed) return { readerId: listed[1], generation: Number(listed[2]) };
  const path = /\/restore\/([^/?#\s]+)/.exec(text)?.[1] ?? text;
  const link = linkFromTokenParam(path);
  if (link) return link;
  if (READER_ID.test(text)) return { readerId: text, generation: await currentGeneration(text) };
  throw new AppError("invalid_input", "无法识别：请粘贴读者发来的完整恢复链接（…/restore/…），或订单列表里的读者 ID。");
}

export async function revokeRestoreLink(input: string, now = new Date()) {
  const { readerId, generation } = await resolveLink(input);
  const id = linkId(readerId, generation);
  await db().restoreLink.upsert({
    where: { id },
    create: { id, readerId, generation, revokedAt: now },
    update: {},
  });
  // Revoking twice keeps the first time.
  await db().restoreLink.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now } });
  const row = (await listRestoreLinksFor(id))!;
  return row;
}

async function listRestoreLinksFor(id: string) {
  const r = await db().restoreLink.findUnique({
    where: { id },
    select: { id: true, readerId: true, generation: true, createdAt: true, revokedAt: true, _count: { select: { devices: true } } },
  });
  if (!r) return null;
  const { _count, ...rest } = r;
  return { ...rest, devices: _count.devices, maxDevices: config().RESTORE_MAX_DEVICES };
}
