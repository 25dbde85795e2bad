import path from "node:path";
import { defineConfig } from "prisma/config";

// Offline-safe Prisma (see docs/stack.md): JS engine + driver adapter, so no
// native engine is downloaded. Migrations are applied by lib/db/migrate.ts.
export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  experimental: { adapter: true },
  engine: "js",
  async adapter() {
    const { PrismaBetterSQLite3 } = await import("@prisma/adapter-better-sqlite3");
    return new PrismaBetterSQLite3({ url: process.env.DATABASE_URL ?? "file:./data/dev.db" });
  },
});
