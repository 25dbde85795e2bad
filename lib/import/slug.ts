import { createHash } from "node:crypto";
import { SLUG_PATTERN } from "@/lib/articles/queries";
import { MAX_TAG_LENGTH, MAX_TAGS } from "@/lib/articles/tags";

/**
 * Our slugs are lower-case ASCII (SLUG_PATTERN). Blogs use anything: Chinese
 * file names, percent-encoded WordPress post names, capitals. The readable
 * ASCII part is kept; a name with none gets a stable made-up slug (the same
 * source gives the same slug on every import, so re-imports match), and the old
 * address still works through a redirect.
 */
export function toSlug(candidate: string, stableKey: string): string {
  let text = candidate;
  try {
    text = decodeURIComponent(candidate);
  } catch {
    /* keep it as written */
  }
  const ascii = text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
  if (SLUG_PATTERN.test(ascii) && /[a-z]/.test(ascii)) return ascii;
  // All digits ("2024", "123") or nothing readable: prefix, keeping what there is.
  const hash = createHash("sha256").update(stableKey).digest("hex").slice(0, 8);
  return ascii ? `post-${ascii}`.slice(0, 80) : `post-${hash}`;
}

/** Slugs made unique within one import: my-post, my-post-2, … */
export function uniqueSlugs<T extends { slug: string }>(posts: T[]): T[] {
  const seen = new Set<string>();
  return posts.map((p) => {
    let slug = p.slug;
    for (let n = 2; seen.has(slug); n++) slug = `${p.slug.slice(0, 75)}-${n}`;
    seen.add(slug);
    return slug === p.slug ? p : { ...p, slug };
  });
}

const BAD_TAG_CHARS = /[/\\?#%<>"'`]/g;

/** Categories and tags as our tags: safe characters, at most MAX_TAGS, each at most MAX_TAG_LENGTH. */
export function cleanTags(names: unknown[]): { tags: string[]; dropped: string[] } {
  const all = [
    ...new Set(
      names
        .flat(2)
        .filter((n): n is string | number => typeof n === "string" || typeof n === "number")
        .map((n) => String(n).replace(BAD_TAG_CHARS, " ").replace(/\s+/g, " ").trim().slice(0, MAX_TAG_LENGTH).trim())
        .filter(Boolean),
    ),
  ];
  return { tags: all.slice(0, MAX_TAGS), dropped: all.slice(MAX_TAGS) };
}
