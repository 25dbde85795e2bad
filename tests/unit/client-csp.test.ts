import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * zod builds object schemas with a compiled fast path and probes `new Function("")`
 * when one is created. In the browser that probe is a CSP violation (script-src has
 * no 'unsafe-eval'), reported on every page that loads the module. So browser code
 * must never load a module that builds a zod object schema: vocabularies the browser
 * needs live in zod-free files (lib/claims/vocab.ts, lib/settings/channel-order.ts, …).
 */
const root = path.resolve(import.meta.dirname, "../..");
const OBJECT_SCHEMA = /\bz\.(object|strictObject|looseObject|discriminatedUnion)\(/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === "node_modules" || name === "generated") return [];
    if (statSync(full).isDirectory()) return files(full);
    return /\.tsx?$/.test(name) ? [full] : [];
  });
}

/** Value imports ("@/…" only; `import type` and `type` specifiers vanish from the bundle). */
function valueImports(file: string): string[] {
  const src = readFileSync(file, "utf8");
  const out: string[] = [];
  for (const m of src.matchAll(/^(?:import|export)\s+(?!type\b)([^;]*?)\s+from\s+"@\/([^"]+)"/gm)) {
    const names = m[1]
      .replace(/[{}]/g, "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    if (names.length > 0 && names.every((n) => n.startsWith("type "))) continue;
    for (const ext of [".ts", ".tsx", "/index.ts"]) {
      const p = path.join(root, m[2] + ext);
      if (existsSync(p)) {
        out.push(p);
        break;
      }
    }
  }
  return out;
}

function reach(start: string): Map<string, string[]> {
  const seen = new Map<string, string[]>([[start, [start]]]);
  const queue = [start];
  while (queue.length) {
    const f = queue.shift()!;
    for (const dep of valueImports(f)) {
      if (seen.has(dep)) continue;
      seen.set(dep, [...seen.get(f)!, dep]);
      queue.push(dep);
    }
  }
  return seen;
}

/** The chains from a client file to a module of ours that matches `pattern`, as "a → b → c". */
function offendingChains(pattern: RegExp, only: (file: string) => boolean = () => true): string[] {
  const clientFiles = [...files(path.join(root, "components")), ...files(path.join(root, "app")), ...files(path.join(root, "lib"))].filter(
    (f) => only(f) && /^\s*["']use client["']/.test(readFileSync(f, "utf8")),
  );
  expect(clientFiles.length).toBeGreaterThan(10);
  const offenders: string[] = [];
  for (const f of clientFiles) {
    for (const [dep, chain] of reach(f)) {
      if (pattern.test(readFileSync(dep, "utf8"))) offenders.push(chain.map((p) => path.relative(root, p)).join(" → "));
    }
  }
  return offenders;
}

describe("browser code under the Content-Security-Policy", () => {
  it("never loads a module that builds a zod object schema (zod's eval probe would be blocked and reported)", () => {
    expect(offendingChains(OBJECT_SCHEMA)).toEqual([]);
  });

  it("never loads zod in the readers' pages: ~30 KB gzip a reader does not need (schemas live in server-side modules)", () => {
    // A value import of zod; `import type … from "zod"` is erased and costs nothing. The owner's admin
    // (one person, not size-bound) may share its vocabularies' schemas with the API.
    const readers = (f: string) => !/[/\\]admin[/\\]/.test(path.relative(root, f));
    expect(offendingChains(/^\s*import\s+(?!type\b)[^;]*?\bfrom\s+["']zod["']/m, readers)).toEqual([]);
  });
});
