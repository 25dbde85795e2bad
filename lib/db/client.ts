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

/**
 * SQLite's durability is per connection: WAL mode (set by migrate, kept in the file)
 * defaults to synchronous=NORMAL, which survives a crashed process but may lose the
 * last commits on power loss. A payment the phone was told is recorded must survive
 * both, so each connection runs SQLITE_SYNCHRONOUS (default FULL: fsync per commit).
 */
class DurableSqlite extends PrismaBetterSQLite3 {
  constructor(
    config: ConstructorParameters<typeof PrismaBetterSQLite3>[0],
    private readonly synchronous: string,
  ) {
    super(config);
  }
  override async connect() {
    const adapter = await super.connect();
    await adapter.executeScript(`PRAGMA synchronous = ${this.synchronous}`);
    return adapter;
  }
}

function create(url: string): Db {
  if (databaseKind(url) === "postgres") {
    const adapter = new PrismaPg({ connectionString: url });
    return new PostgresClient({ adapter }) as unknown as Db;
  }
  // timeout = busy wait for another process's write lock.
  const adapter = new DurableSqlite({ url: `file:${sqlitePath(url)}`, timeout: 10_000 }, config().SQLITE_SYNCHRONOUS);
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
