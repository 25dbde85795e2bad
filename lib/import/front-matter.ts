import { parse as parseToml, TomlError } from "smol-toml";
import { parseDocument } from "yaml";
import { brokenFile } from "@/lib/import/types";

/**
 * Front matter as static site generators write it: YAML between `---` lines
 * (Hexo, Jekyll, Hugo, Obsidian), TOML between `+++` lines (Hugo), or Hexo's
 * older form with only a closing `---`. The delimiting is a few lines of our own
 * because the error must name the line in the file, not in the block; the
 * parsing is the `yaml` and `smol-toml` libraries'. YAML stays YAML 1.2 core:
 * dates remain strings (dates.ts reads them in China time), `no` stays "no".
 */
export interface FrontMatter {
  data: Record<string, unknown>;
  body: string;
}

export function readFrontMatter(entry: string, source: string): FrontMatter {
  const text = source.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const lines = text.split("\n");
  const open = lines[0]?.trim();
  if (open === "---" || open === "+++") {
    const close = lines.findIndex((l, i) => i > 0 && l.trim() === open);
    if (close < 0) throw brokenFile(entry, 1, `front matter 以 ${open} 开头，但没有找到结束的 ${open} 行`);
    const block = lines.slice(1, close).join("\n");
    const body = lines.slice(close + 1).join("\n");
    return { data: open === "---" ? yaml(entry, block, 2) : toml(entry, block, 2), body };
  }
  // Hexo also reads front matter that has only the closing line: "title: x\ndate: y\n---".
  const close = lines.findIndex((l) => l.trim() === "---");
  if (close > 0 && lines.slice(0, close).every((l) => l.trim() === "" || /^[A-Za-z_][\w-]*\s*:/.test(l) || /^\s+/.test(l))) {
    return { data: yaml(entry, lines.slice(0, close).join("\n"), 1), body: lines.slice(close + 1).join("\n") };
  }
  return { data: {}, body: text };
}

function yaml(entry: string, block: string, firstLine: number): Record<string, unknown> {
  const doc = parseDocument(block, { prettyErrors: false, uniqueKeys: false });
  const err = doc.errors[0];
  if (err) {
    const line = block.slice(0, err.pos[0]).split("\n").length + firstLine - 1;
    throw brokenFile(entry, line, `YAML 格式错误（${err.message.split("\n")[0]}）`);
  }
  const data: unknown = doc.toJS({ maxAliasCount: 100 });
  if (data === null || data === undefined) return {};
  if (typeof data !== "object" || Array.isArray(data)) throw brokenFile(entry, firstLine, "front matter 应为「键: 值」的列表");
  return data as Record<string, unknown>;
}

function toml(entry: string, block: string, firstLine: number): Record<string, unknown> {
  try {
    return parseToml(block) as Record<string, unknown>;
  } catch (e) {
    if (e instanceof TomlError) {
      throw brokenFile(entry, e.line + firstLine - 1, `TOML 格式错误（${e.message.split("\n")[0]}）`);
    }
    throw e;
  }
}

/** A front-matter value as text: strings trimmed, numbers as written, anything else empty. */
export const str = (v: unknown) => (typeof v === "string" ? v.trim() : typeof v === "number" ? String(v) : "");
/**
 * A front-matter list (tags, categories, aliases). Jekyll reads "categories: jekyll update" as two; Hexo, Hugo
 * and Obsidian a string as one item or "a, b".
 */
export const asList = (v: unknown, jekyll = false): unknown[] =>
  Array.isArray(v)
    ? v
    : typeof v === "string"
      ? v
          .split(jekyll ? /[\s,，]+/ : /[,，]/)
          .map((s) => s.trim().replace(/^#/, ""))
          .filter(Boolean)
      : [];
