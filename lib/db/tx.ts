import { db, type Tx } from "@/lib/db/client";
import { databaseKind } from "@/lib/config";

/**
 * Runs fn in one database transaction and retries it when the database says
 * the transaction lost a race it could not wait out (SQLite SQLITE_BUSY from
 * another process, PostgreSQL serialization failure or deadlock). Every
 * retried body must be safe to run again: it re-reads all state it decides on.
 *
 * On SQLite the transaction takes the database's write lock before its first
 * read (a no-op write: it changes no page, so the commit writes nothing). A
 * deferred transaction that reads first cannot upgrade to a writer once another
 * process has committed since its read — SQLite answers SQLITE_BUSY at once,
 * without waiting — so bodies that read before they write (a phone's route, a
 * standby's pairing) lost races to the other process until the retries ran
 * out. Taken first, the lock is waited for (the connection's busy timeout), the
 * way BEGIN IMMEDIATE would, which Prisma's interactive transactions cannot say.
 */
export async function withTx<T>(fn: (tx: Tx) => Promise<T>, attempts = 6, timeoutMs = 20_000): Promise<T> {
  for (let i = 1; ; i++) {
    // Each attempt has its own list: a rolled-back attempt's callbacks are dropped with it.
    const callbacks: (() => void)[] = [];
    try {
      const result = await db().$transaction(
        async (tx) => {
          commitCallbacks.set(tx, callbacks);
          if (databaseKind() === "sqlite") await tx.$executeRawUnsafe("DELETE FROM _migrations WHERE 0");
          return fn(tx);
        },
        { maxWait: 10_000, timeout: timeoutMs },
      );
      for (const cb of callbacks) runSafely(cb);
      return result;
    } catch (e) {
      if (i >= attempts || !isTransient(e)) throw e;
      await new Promise((r) => setTimeout(r, 5 * 2 ** i + Math.random() * 20));
    }
  }
}

const commitCallbacks = new WeakMap<Tx, (() => void)[]>();

/**
 * Runs `fn` once the transaction `tx` (opened by withTx) has committed, never
 * when it rolls back: for side effects others must only see after the data is
 * durable, such as telling a waiting reader that their order is paid. A tx not
 * opened by withTx has no commit to wait for, so the callback is dropped
 * (callers have a fallback: the reader's page also polls).
 */
export function afterCommit(tx: Tx, fn: () => void): void {
  commitCallbacks.get(tx)?.push(fn);
}

function runSafely(fn: () => void): void {
  try {
    fn();
  } catch (e) {
    console.error("[tx] after-commit callback failed", e);
  }
}

function isTransient(e: unknown): boolean {
  const text = errorText(e);
  return /SQLITE_BUSY|database is locked|P2034|40001|40P01|could not serialize|deadlock detected|Transaction already closed/i.test(text);
}

/** Unique-constraint violation (Prisma P2002, or the raw driver messages). */
export function isUniqueViolation(e: unknown): boolean {
  const text = errorText(e);
  return /P2002|UNIQUE constraint failed|duplicate key value|23505/i.test(text);
}

/** Foreign-key violation (Prisma P2003, or the raw driver messages): the referenced row is gone. */
export function isForeignKeyViolation(e: unknown): boolean {
  const text = errorText(e);
  return /P2003|FOREIGN KEY constraint failed|violates foreign key constraint|23503/i.test(text);
}

function errorText(e: unknown): string {
  if (!e || typeof e !== "object") return String(e);
  const o = e as { code?: unknown; message?: unknown; meta?: unknown; cause?: unknown };
  return [o.code, o.message, JSON.stringify(o.meta ?? null), o.cause ? errorText(o.cause) : ""].join(" ");
}
