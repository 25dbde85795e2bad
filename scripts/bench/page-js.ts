/** What a reader's browser downloads as JavaScript for one page of a running site. */
import { gzipSync } from "node:zlib";

export interface JsFile {
  src: string;
  raw: number;
  gzip: number;
}

export interface PageJs {
  files: JsFile[];
  raw: number;
  gzip: number;
}

async function measure(url: string, srcs: string[]): Promise<PageJs> {
  const files: JsFile[] = [];
  for (const src of srcs) {
    const res = await fetch(new URL(src, url));
    if (!res.ok) throw new Error(`${src}: HTTP ${res.status}`);
    const body = Buffer.from(await res.arrayBuffer());
    files.push({ src, raw: body.length, gzip: gzipSync(body, { level: 9 }).length });
  }
  files.sort((a, b) => b.gzip - a.gzip);
  return { files, raw: files.reduce((s, f) => s + f.raw, 0), gzip: files.reduce((s, f) => s + f.gzip, 0) };
}

/**
 * Every JavaScript file the page's HTML loads in a current browser (its <script src> tags, which in the
 * App Router include every chunk of the client components on the page; `noModule` legacy polyfills are
 * skipped, as modern browsers never fetch them), each gzip-compressed at level 9: what a reader downloads
 * before the page is interactive. Chunks loaded later on demand (the pay dialog) are not in the HTML.
 */
export async function pageJs(url: string, page: string): Promise<PageJs> {
  const res = await fetch(`${url}${page}`);
  if (!res.ok) throw new Error(`${page}: HTTP ${res.status}`);
  const html = await res.text();
  const tags = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+\.js)"[^>]*>/g)].filter((m) => !/\bnoModule\b/i.test(m[0]));
  return measure(url, [...new Set(tags.map((m) => m[1]))]);
}

/** JavaScript files a browser fetched that are not among `initial` (e.g. chunks loaded on a click). */
export async function extraJs(url: string, fetched: string[], initial: PageJs): Promise<PageJs> {
  const known = new Set(initial.files.map((f) => f.src));
  const paths = [...new Set(fetched.map((u) => new URL(u).pathname))].filter((p) => p.endsWith(".js") && !known.has(p));
  return measure(url, paths);
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** The total line, then one line per file (largest first). */
export function formatPageJs(title: string, js: PageJs, perFile = true): string {
  const head = `${title}: ${js.files.length} files, ${kb(js.raw)}, ${kb(js.gzip)} gzip`;
  if (!perFile) return head;
  const rows = js.files.map((f) => `    ${kb(f.gzip).padStart(9)} gzip  ${kb(f.raw).padStart(9)}  ${f.src}`);
  return [head, ...rows].join("\n");
}
