import { normalizePath } from "@/lib/redirects/path";

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

const CHINA_MS = 8 * 3600 * 1000;

export function fillPermalink(pattern: string, f: PermalinkFacts, ext = ""): string | null {
  const d = f.date ? new Date(f.date.getTime() + CHINA_MS) : null;
  const two = (n: number) => String(n).padStart(2, "0");
  const values: Record<string, string | null> = {
    year: d ? String(d.getUTCFullYear()) : null,
    month: d ? two(d.getUTCMonth() + 1) : null,
    i_month: d ? String(d.getUTCMonth() + 1) : null,
    day: d ? two(d.getUTCDate()) : null,
    i_day: d ? String(d.getUTCDate()) : null,
    hour: d ? two(d.getUTCHours()) : null,
    minute: d ? two(d.getUTCMinutes()) : null,
    second: d ? two(d.getUTCSeconds()) : null,
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
