import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { importsOf, isClientModule, root, sourceFiles } from "../support/import-graph";

/**
 * The architecture README describes, checked: lib/ is layered in the order README.md lists its
 * folders (each imports only those listed before it), lib/ never reaches into app/, components/ or
 * server/, browser code never reaches a server module, and every per-process cache registers itself.
 */
const readme = readFileSync(path.join(root, "README.md"), "utf8");

/** The ordered lib list between the README's lib-layers markers: every `lib/…` name, in reading order. */
function libLayers(): string[] {
  const m = /<!-- lib-layers:start -->([\s\S]*?)<!-- lib-layers:end -->/.exec(readme);
  if (!m) throw new Error("README.md has no <!-- lib-layers:start --> … <!-- lib-layers:end --> section");
  return [...m[1].matchAll(/`(lib\/[^`\s]*)`/g)].map((x) => x[1]);
}

/** The most specific listed unit a lib file belongs to (a root file, a folder, or a sub-folder such as lib/http/door/). */
function unitOf(file: string, units: string[]): string | null {
  if (file.startsWith("lib/generated/")) return "lib/db/"; // the Prisma client lib/db wraps
  const owning = units.filter((u) => (u.endsWith("/") ? file.startsWith(u) : file === u));
  return owning.sort((a, b) => b.length - a.length)[0] ?? null;
}

const libFiles = sourceFiles("lib");

describe("lib/ layers, in the order README.md lists them", () => {
  const units = libLayers();

  it("lists each lib folder and root file once, and every lib file belongs to one", () => {
    expect(units.length).toBeGreaterThan(30);
    expect(new Set(units).size).toBe(units.length);
    expect(libFiles.filter((f) => unitOf(f, units) === null)).toEqual([]);
  });

  it("lets every lib folder import only the folders listed before it", () => {
    const wrong: string[] = [];
    for (const file of libFiles) {
      const from = unitOf(file, units)!;
      for (const imp of importsOf(file)) {
        if (!imp.local || !imp.target.startsWith("lib/")) continue;
        const to = unitOf(imp.target, units);
        if (to === from) continue;
        if (to === null || units.indexOf(to) > units.indexOf(from)) wrong.push(`${file} → ${imp.target} (${from} is listed before ${to})`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("never lets lib/ import app/, components/ or server/", () => {
    const wrong = libFiles.flatMap((f) =>
      importsOf(f)
        .filter((i) => i.local && /^(app|components|server)\//.test(i.target))
        .map((i) => `${f} → ${i.target}`),
    );
    expect(wrong).toEqual([]);
  });
});

/** A module that must not run in a browser: it says so, or it needs Node or the database. */
const SERVER_PACKAGES =
  /^(node:|server-only$|pg$|better-sqlite3$|@prisma\/|nodemailer$|@node-rs\/|sanitize-html$|exceljs$|jsqr$|pngjs$|jpeg-js$|image-size$)/;

describe("browser code", () => {
  it("never reaches a server module through what it imports", () => {
    const entries = [...sourceFiles("app"), ...sourceFiles("components"), ...libFiles].filter(isClientModule);
    expect(entries.length).toBeGreaterThan(10);
    const wrong: string[] = [];
    const seen = new Set<string>();
    const walk = (file: string, trail: string[]) => {
      if (seen.has(file)) return;
      seen.add(file);
      if (/^(server|lib\/db|lib\/generated)\//.test(file)) return void wrong.push([...trail, file].join(" → "));
      for (const imp of importsOf(file)) {
        if (imp.typeOnly) continue;
        if (!imp.local) {
          if (SERVER_PACKAGES.test(imp.target)) wrong.push(`${[...trail, file].join(" → ")} → ${imp.target}`);
        } else if (!/\.css$/.test(imp.target)) walk(imp.target, [...trail, file]);
      }
    };
    for (const e of entries) walk(e, []);
    expect(wrong).toEqual([]);
  });
});

describe("per-process caches", () => {
  it("register themselves, so one call forgets them all (lib/process-caches.ts)", () => {
    const unregistered: string[] = [];
    for (const file of [...libFiles, ...sourceFiles("server")]) {
      if (file === "lib/process-caches.ts") continue;
      const src = readFileSync(path.join(root, file), "utf8");
      for (const m of src.matchAll(/export (?:async )?function ((?:forget|reset)\w*)\(/g)) {
        if (!new RegExp(`registerCache\\([^)]*forget: ${m[1]}\\b`).test(src)) unregistered.push(`${file}: ${m[1]}`);
      }
    }
    expect(unregistered).toEqual([]);
  });
});
