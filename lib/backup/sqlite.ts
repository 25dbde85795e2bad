import Database from "better-sqlite3";

/**
 * A consistent copy of a live SQLite database through SQLite's online backup API, while the
 * site keeps serving and taking payments. The copy goes in steps, so the server's event loop
 * (when the daily backup runs inside it) is never blocked for long; a write by another
 * connection between steps makes SQLite start the copy over, so after two restarts the rest is
 * copied in one step — one read snapshot, which WAL mode lets writers continue beside.
 */
const STEP_PAGES = 256;

export interface SqliteCopy {
  restarts: number;
  pages: number;
}

export async function copySqlite(source: string, dest: string): Promise<SqliteCopy> {
  const src = new Database(source, { fileMustExist: true, timeout: 15_000 });
  let restarts = 0;
  let pages = 0;
  let previous = Infinity;
  try {
    await src.backup(dest, {
      progress({ totalPages, remainingPages }) {
        if (remainingPages > previous) restarts++;
        previous = remainingPages;
        pages = totalPages;
        return restarts >= 2 ? totalPages : STEP_PAGES;
      },
    });
  } finally {
    src.close();
  }
  // One self-contained file: no -wal beside it is needed to read the copy (the server sets WAL again at start).
  const copy = new Database(dest);
  try {
    copy.pragma("journal_mode = DELETE");
  } finally {
    copy.close();
  }
  return { restarts, pages };
}

/** PRAGMA integrity_check: "ok", or the first problems SQLite reports. */
export function integrityCheck(file: string): string {
  const conn = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = conn.pragma("integrity_check") as { integrity_check: string }[];
    return rows.map((r) => r.integrity_check).join("; ");
  } finally {
    conn.close();
  }
}

/** Row counts of the tables an owner cares about, read from a (copied) database file. */
export function sqliteCounts(file: string): Record<string, number> {
  const conn = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return Object.fromEntries(
      Object.entries(COUNTED).map(([k, table]) => [k, (conn.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n]),
    );
  } finally {
    conn.close();
  }
}

/** The migrations recorded in a database file (lib/db/migrate.ts keeps them in _migrations). */
export function sqliteMigrations(file: string): string[] {
  const conn = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (conn.prepare("SELECT name FROM _migrations ORDER BY name").all() as { name: string }[]).map((r) => r.name);
  } finally {
    conn.close();
  }
}

/** Tables counted in a backup's manifest, by the owner's word for them. */
export const COUNTED = {
  posts: "Article",
  orders: "Order",
  payments: "Payment",
  entitlements: "Entitlement",
  images: "MediaFile",
  devices: "Device",
} as const;
