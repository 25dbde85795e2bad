import type { Tx } from "@/lib/db/client";
import { databaseKind } from "@/lib/config";

/**
 * PostgreSQL only: a transaction-scoped advisory lock on `key`, so decisions
 * that read then write one thing (a reader's pass periods, a coupon's uses)
 * are serialised across processes. SQLite needs none: a transaction that has
 * written holds the database's one write lock, and these callers write first
 * or run after a write.
 */
export async function advisoryLock(tx: Tx, key: string): Promise<void> {
  if (databaseKind() !== "postgres") return;
  await tx.$queryRawUnsafe(`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtext($1))) AS l`, key);
}
