import { parse as parseToml } from "smol-toml";
import { parse as parseYaml } from "yaml";
import { chinaClockDigits } from "@/lib/china-time";
import { normalizePath } from "@/lib/redirects/path";
import { asList, str } from "@/lib/import/front-matter";

export type Flavour = "hexo" | "jekyll" | "hugo" | "export" | "notes";

/**
 * The address a post had on the old blog, from the generator's permalink pattern
 * (its _config.yml / hugo.toml, else the generator's default). Tokens are the
 * ones these tools document; a token we cannot fill makes no address (better no
 * redirect than a wrong one).
 */
export interface PermalinkFacts {
  /** The post's date in China time. */
  date: Date | null;
  /** Hexo :title (path under _posts without extension), Jekyll/Hugo :title / :slug. */
  title: string;
  /** File name without extension (Hexo :name, Hugo :filename). */
  name: string;
  slug: string;
  categories: string[];
  /** Hugo :section. */
  section?: string;
}

export function fillPermalink(pattern: string, f: PermalinkFacts, ext = ""): string | null {
  // The China wall clock's digits: "20240501103000" → year 2024, month 05 …
  const d = f.date ? chinaClockDigits(f.date) : null;
  const part = (from: number, to: number) => (d ? d.slice(from, to) : null);
  const unpadded = (from: number, to: number) => (d ? String(Number(d.slice(from, to))) : null);
  const values: Record<string, string | null> = {
    year: part(0, 4),
    month: part(4, 6),
    i_month: unpadded(4, 6),
    day: part(6, 8),
    i_day: unpadded(6, 8),
    hour: part(8, 10),
    minute: part(10, 12),
    second: part(12, 14),
    title: f.title,
    name: f.name,
    filename: f.name,
    slug: f.slug,
    post_title: f.slug,
    slugorfilename: f.slug || f.name,
    contentbasename: f.name,
    section: f.section ?? null,
    category: f.categories[0] ?? "",
    categories: f.categories.join("/"),
    output_ext: ext,
  };
  let missing = false;
  const filled = pattern.replace(/:([a-z_]+)/g, (m, token: string) => {
    if (!(token in values)) return m;
    const v = values[token];
    if (v === null) missing = true;
    return v ?? "";
  });
  return missing ? null : normalizePath(filled);
}

export interface SiteConfig {
  permalink: string | null;
  /** Hugo [permalinks] per section. */
  sections: Record<string, string>;
}

export function readConfig(files: Map<string, Buffer>, root: string, flavour: Flavour): SiteConfig {
  const out: SiteConfig = { permalink: null, sections: {} };
  const read = (name: string) => files.get(root + name)?.toString("utf8");
  try {
    if (flavour === "hexo" || flavour === "jekyll") {
      const cfg = parseYaml(read("_config.yml") ?? read("_config.yaml") ?? "") as Record<string, unknown> | null;
      if (typeof cfg?.permalink === "string") out.permalink = cfg.permalink;
    } else if (flavour === "hugo") {
      const text = read("hugo.toml") ?? read("config.toml");
      const cfg = text ? (parseToml(text) as Record<string, unknown>) : (parseYaml(read("hugo.yaml") ?? read("config.yaml") ?? "") ?? {});
      const p = (cfg as Record<string, unknown>).permalinks;
      if (p && typeof p === "object") for (const [k, v] of Object.entries(p)) if (typeof v === "string") out.sections[k] = v;
    }
  } catch {
    // A site config we cannot read only costs the default permalinks, never the import.
  }
  return out;
}

/** The post files of a Markdown site. */
export const MARKDOWN_FILE = /\.(md|markdown|mdx)$/i;

/** A post's address on the old blog: its own permalink/url and aliases, else the generator's pattern. */
export function oldAddresses(
  rel: string,
  p: { flavour: Flavour; config: SiteConfig } & {
    data: Record<string, unknown>;
    date: Date | null;
    fileSlug: string;
    slug: string;
    categories: string[];
    permalink: string;
  },
): string[] {
  const out = new Set<string>();
  const add = (s: string | null) => s && s !== `/posts/${p.slug}` && out.add(s);
  if (p.permalink) add(normalizePath(p.permalink.startsWith("/") ? p.permalink : `/${p.permalink}`));
  for (const alias of asList(p.data.aliases)) add(normalizePath(String(alias)));
  const facts = { date: p.date, name: p.fileSlug, slug: str(p.data.slug) || p.fileSlug, categories: p.categories, title: p.fileSlug };
  if (!p.permalink && p.flavour === "hexo") {
    const title = rel.replace(/^source\/_posts\//, "").replace(MARKDOWN_FILE, "");
    add(fillPermalink(p.config.permalink ?? ":year/:month/:day/:title/", { ...facts, title }));
  } else if (!p.permalink && p.flavour === "jekyll") {
    const pattern = {
      date: "/:categories/:year/:month/:day/:title:output_ext",
      pretty: "/:categories/:year/:month/:day/:title/",
      none: "/:categories/:title:output_ext",
    }[p.config.permalink ?? "date"];
    add(fillPermalink(pattern ?? p.config.permalink ?? "", facts, ".html"));
  } else if (!p.permalink && p.flavour === "hugo") {
    const section = rel.split("/")[1];
    const pattern = p.config.sections[section];
    add(pattern ? fillPermalink(pattern, { ...facts, section }) : normalizePath(`/${section}/${str(p.data.slug) || p.fileSlug}/`));
  }
  return [...out];
}
