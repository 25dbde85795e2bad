import type { Db, Tx } from "@/lib/db/client";

/**
 * Marks `key` once, ever, across every server process: true for the one call that
 * inserted it. For "do this at most once" decisions inside a transaction (an alert per
 * account per day): INSERT … ON CONFLICT DO NOTHING never raises, so unlike a unique
 * violation it does not abort a PostgreSQL transaction. The row lives in Setting under
 * the prefix "once:" and is pruned after a week (pruneOnce).
 */
export async function markOnce(client: Tx | Db, key: string, now: Date): Promise<boolean> {
  const k = `once:${key}`;
  const inserted =
    await client.$executeRaw`INSERT INTO "Setting" ("key", "value", "updatedAt") VALUES (${k}, ${now.toISOString()}, ${now}) ON CONFLICT ("key") DO NOTHING`;
  return inserted === 1;
}

/** Forgets marks older than `keepDays` (their keys name a day or a window long past). */
export async function pruneOnce(client: Db, now: Date, keepDays = 7): Promise<number> {
  const cutoff = new Date(now.getTime() - keepDays * 24 * 3600_000);
  const res = await client.setting.deleteMany({ where: { key: { startsWith: "once:" }, updatedAt: { lt: cutoff } } });
  return res.count;
}
