/**
 * The repository's import graph, read from the source text (tests/unit/architecture.test.ts):
 * every `import … from`, `export … from` and `import("…")` of a repository file, resolved the way
 * TypeScript resolves them here (`@/` is the repository root). Imports that only bring types are
 * marked, since they vanish from what runs.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "..", "..");

export interface Import {
  /** A repository path ("lib/db/client.ts"), or the package/builtin name as written ("node:fs", "pg"). */
  target: string;
  local: boolean;
  typeOnly: boolean;
}

const SKIP = new Set(["node_modules", ".next", "generated", "tmp", "data", ".git"]);

export function sourceFiles(dir: string, opts: { tests?: boolean } = {}): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const name of readdirSync(path.join(root, rel))) {
      if (SKIP.has(name)) continue;
      const p = path.join(rel, name);
      if (statSync(path.join(root, p)).isDirectory()) walk(p);
      else if (/\.(ts|tsx|mjs|js)$/.test(name) && !name.endsWith(".d.mts") && (opts.tests || !/\.test\.tsx?$/.test(name))) out.push(p);
    }
  };
  if (existsSync(path.join(root, dir))) walk(dir);
  return out.sort();
}

function resolveLocal(from: string, spec: string): string {
  const base = spec.startsWith("@/") ? spec.slice(2) : path.normalize(path.join(path.dirname(from), spec));
  for (const c of [base, `${base}.ts`, `${base}.tsx`, `${base}.mjs`, `${base}/index.ts`, `${base}/index.tsx`]) {
    if (existsSync(path.join(root, c)) && statSync(path.join(root, c)).isFile()) return c;
  }
  return base;
}

const STATEMENT =
  /^\s*(import|export)\s+(type\s+)?([^;'"]*?)\s*from\s*["']([^"']+)["']|^\s*import\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/gm;

export function importsOf(file: string): Import[] {
  const src = readFileSync(path.join(root, file), "utf8");
  const out: Import[] = [];
  for (const m of src.matchAll(STATEMENT)) {
    const spec = m[4] ?? m[5] ?? m[6];
    // `import type {…}`, or `import { type A, type B }` where every name is a type.
    const names = m[3]
      ?.match(/^\{([^}]*)\}$/)?.[1]
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    const typeOnly = Boolean(m[2]) || (names !== undefined && names.length > 0 && names.every((n) => n.startsWith("type ")));
    const local = spec.startsWith("@/") || spec.startsWith(".");
    out.push({ target: local ? resolveLocal(file, spec) : spec, local, typeOnly });
  }
  return out;
}

export const isClientModule = (file: string) => /^\s*["']use client["']/.test(readFileSync(path.join(root, file), "utf8"));
