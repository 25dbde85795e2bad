import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "@/lib/generated/sqlite/client";
import { PrismaClient as PostgresClient } from "@/lib/generated/postgres/client";
import { config, databaseKind, sqlitePath } from "@/lib/config";

/**
 * One Prisma client per process, on the Rust-free engine with a driver adapter.
 * Both generated clients come from the same schema, so the SQLite client's type
 * describes either.
 */
export type Db = SqliteClient;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

const globalForDb = globalThis as unknown as { __paywallDb?: { url: string; client: Db } };

function create(url: string): Db {
  if (databaseKind(url) === "postgres") {
    const adapter = new PrismaPg({ connectionString: url });
    return new PostgresClient({ adapter }) as unknown as Db;
  }
  // timeout = busy wait for another process's write lock (WAL mode is set by migrate).
  const adapter = new PrismaBetterSQLite3({ url: `file:${sqlitePath(url)}`, timeout: 10_000 });
  return new SqliteClient({ adapter });
}

export function db(): Db {
  const url = config().DATABASE_URL;
  const cached = globalForDb.__paywallDb;
  if (cached && cached.url === url) return cached.client;
  if (cached) void cached.client.$disconnect();
  const client = create(url);
  globalForDb.__paywallDb = { url, client };
  return client;
}

export async function disconnectDb(): Promise<void> {
  const cached = globalForDb.__paywallDb;
  globalForDb.__paywallDb = undefined;
  if (cached) await cached.client.$disconnect();
}
