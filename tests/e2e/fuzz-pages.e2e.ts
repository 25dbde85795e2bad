/**
 * The pages' side of the fuzz test (tests/integration/fuzz-routes.test.ts covers
 * the route handlers): every page under app/ — found on disk — requested through
 * the real server with path tricks in its dynamic segments, broken encodings,
 * junk cookies and RSC headers. None may answer 5xx.
 */
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";

const live = inject("liveUrl");
const root = path.resolve(import.meta.dirname, "../..");

function pageFiles(dir = path.join(root, "app")): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return pageFiles(full);
    return name === "page.tsx" ? [full] : [];
  });
}

const SEGMENTS = [
  "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
  "..%252F",
  "%00",
  "%E0%A4",
  "%25E0",
  "a".repeat(3000),
  "__proto__",
  "%F0%9F%98%80",
  "%20",
  "x.y.z",
];
const HEADERS: Record<string, string>[] = [
  {},
  { cookie: "pw_reader=%E0%%; pw_admin=garbage" },
  { rsc: "1", "next-router-state-tree": "%7Bnot%20json" },
  { "x-forwarded-host": "evil.example", "x-forwarded-proto": "gopher" },
];

describe("every page survives malformed requests", () => {
  it("never answers 5xx", async () => {
    const patterns = pageFiles().map((f) =>
      path
        .relative(path.join(root, "app"), path.dirname(f))
        .split(path.sep)
        .filter((s) => s && !/^\(.*\)$/.test(s))
        .join("/"),
    );
    expect(patterns.length).toBeGreaterThan(8);
    const failures: string[] = [];
    let sent = 0;
    for (const pattern of patterns) {
      const dynamic = /\[.+?\]/.test(pattern);
      const paths = dynamic
        ? SEGMENTS.map((s) => `/${pattern.replace(/\[.+?\]/g, s)}`)
        : [`/${pattern}`, `/${pattern}?x=%ZZ&__proto__[a]=1`];
      for (const p of paths) {
        for (const headers of HEADERS) {
          const res = await fetch(`${live}${p}`, { headers, redirect: "manual" });
          sent++;
          if (res.status >= 500) failures.push(`${p.slice(0, 80)} ${JSON.stringify(headers)} → ${res.status}`);
          await res.arrayBuffer();
        }
      }
    }
    expect(failures).toEqual([]);
    console.log(`[e2e] ${sent} malformed page requests to ${patterns.length} pages: no 5xx`);
  }, 240_000);
});
