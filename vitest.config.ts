import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve(import.meta.dirname),
  // `server-only` throws outside React Server Components; tests call lib code directly.
  "server-only": path.resolve(import.meta.dirname, "tests/support/empty.ts"),
};

// Integration files that mock modules (vi.mock) run in a project of their own with per-file isolation.
const MOCKING_FILES = ["tests/integration/order-entitlement-recheck.test.ts"];

const integration = {
  environment: "node" as const,
  // One throwaway database, reset between tests: run files one at a time.
  fileParallelism: false,
  setupFiles: ["tests/support/integration-setup.ts"],
  testTimeout: 30_000,
  hookTimeout: 60_000,
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "server/**/*.test.ts", "tests/unit/**/*.test.ts"],
          exclude: ["**/*.integration.test.ts", "node_modules/**"],
          environment: "node",
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts", "lib/**/*.integration.test.ts"],
          exclude: [...MOCKING_FILES, "node_modules/**"],
          ...integration,
          // Files share one process and its module cache (no per-file Prisma load: about a minute per database);
          // tests/support/integration-setup.ts resets every per-process cache before each test.
          isolate: false,
          sequence: { groupOrder: 0 },
        },
      },
      {
        resolve: { alias },
        test: {
          // vi.mock needs a fresh module graph: a module cached by an earlier file would keep the real code.
          name: "integration-isolated",
          include: MOCKING_FILES,
          ...integration,
          sequence: { groupOrder: 1 },
        },
      },
      {
        resolve: { alias },
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.e2e.ts"],
          environment: "node",
          globalSetup: ["tests/e2e/global-setup.ts"],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
