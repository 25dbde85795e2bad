import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Docs that cite a file that moved send a stranger looking for nothing. Every repository path cited
 * in README.md, SECURITY.md, docs/ and the comments under prisma/ must exist: code spans and
 * diagrams naming a path from the repository root (`lib/…`, `server/…`), and relative Markdown links.
 * Placeholders (`lib/<domain>/`, `tests/integration/<file>`, globs) are not paths.
 */
const root = path.resolve(import.meta.dirname, "..", "..");
const TOP = "(?:app|lib|components|server|scripts|tests|docs|prisma|public|\\.ci)";
const PATH_TOKEN = new RegExp(`(?<![\\w./@-])${TOP}/[\\w./()\\[\\]@+-]*`, "g");
const PLACEHOLDER = /[<>*{}…$]|\.\.\./;

const markdownFiles = ["README.md", "SECURITY.md", ...readdirSync(path.join(root, "docs")).map((f) => `docs/${f}`)].filter((f) =>
  f.endsWith(".md"),
);

function prismaFiles(dir = "prisma"): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? prismaFiles(`${dir}/${d.name}`) : /\.(prisma|ts|sql)$/.test(d.name) ? [`${dir}/${d.name}`] : [],
  );
}

/** "lib/orders/take-slot.ts:" → "lib/orders/take-slot.ts"; anchors and trailing punctuation go. */
const clean = (p: string) => p.replace(/#.*$/, "").replace(/[.,;:)]+$/, "");

function citedIn(file: string): { cited: string; resolved: string }[] {
  const text = readFileSync(path.join(root, file), "utf8");
  const out: { cited: string; resolved: string }[] = [];
  const fromRoot = (token: string) => {
    const p = clean(token);
    if (!PLACEHOLDER.test(p) && p.includes("/")) out.push({ cited: p, resolved: p });
  };
  if (file.endsWith(".md")) {
    // Code spans and fenced blocks: paths from the repository root.
    for (const m of text.matchAll(/```[\s\S]*?```|`[^`\n]+`/g)) for (const t of m[0].matchAll(PATH_TOKEN)) fromRoot(t[0]);
    // Markdown links: relative to the document.
    for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      const target = m[1];
      if (/^(https?:|mailto:|#)/.test(target) || PLACEHOLDER.test(target)) continue;
      const p = clean(target);
      out.push({ cited: target, resolved: path.normalize(path.join(path.dirname(file), p)) });
    }
  } else {
    // Comments only: `//`, `///`, `--` lines and block comments.
    const comments = text.match(/\/\/.*$|--.*$|\/\*[\s\S]*?\*\//gm) ?? [];
    for (const c of comments) for (const t of c.matchAll(PATH_TOKEN)) fromRoot(t[0]);
  }
  return out;
}

describe("paths cited in the documentation", () => {
  it.each([...markdownFiles, ...prismaFiles()])("%s cites only paths that exist", (file) => {
    const missing = citedIn(file)
      .filter((c) => !existsSync(path.join(root, c.resolved)))
      .map((c) => c.cited);
    expect([...new Set(missing)]).toEqual([]);
  });

  it("finds the paths it checks (a README without any would pass vacuously)", () => {
    expect(citedIn("README.md").length).toBeGreaterThan(50);
  });
});
