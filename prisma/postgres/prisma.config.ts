import path from "node:path";
import { defineConfig } from "prisma/config";

// PostgreSQL twin of /prisma.config.ts, used only to generate the client and migration SQL.
export default defineConfig({
  schema: path.join(import.meta.dirname, "schema.prisma"),
  experimental: { adapter: true },
  engine: "js",
  async adapter() {
    const { PrismaPg } = await import("@prisma/adapter-pg");
    return new PrismaPg({ connectionString: process.env.DATABASE_URL ?? "postgresql://localhost/paywall" });
  },
});
