import { AppError } from "@/lib/errors";

/**
 * What every reader of a blog export (WordPress WXR, a zip of Markdown, a Ghost
 * JSON) hands to the writer (apply.ts): posts in our own terms, the images they
 * use (already named as /media files), and what was left out and why.
 */
export type ImportFormat = "wordpress" | "markdown" | "ghost";

export interface ImportedPost {
  /** Where it came from, for messages: "source/_posts/a.md", "WordPress 文章 #123". */
  source: string;
  slug: string;
  title: string;
  /** Markdown with our divider `<!-- more -->` where the public part ends (teaser.ts). */
  markdown: string;
  priceCents: number;
  /** True = published (or scheduled when publishedAt is in the future). */
  published: boolean;
  publishedAt: Date | null;
  tags: string[];
  /** Old addresses of the post on the previous blog, normalised (lib/redirects/path.ts). */
  oldPaths: string[];
}

export interface Note {
  item: string;
  reason: string;
}

export interface ParsedImport {
  format: ImportFormat;
  posts: ImportedPost[];
  /** Media file name (lib/media/image.ts mediaName) → bytes, for the images the posts link to. */
  images: Map<string, Buffer>;
  skipped: Note[];
  /** Imported, but not everything came across (e.g. a Ghost post with only plain text). */
  warnings: Note[];
}

export interface ImportSummary {
  posts: number;
  updated: number;
  images: number;
  redirects: number;
  skipped: Note[];
  warnings: Note[];
}

/** A broken file: 422 naming the entry and the line, e.g. "source/_posts/a.md 第 3 行：…". */
export function brokenFile(entry: string, line: number | null, what: string): AppError {
  const where = line ? `${entry} 第 ${line} 行` : entry;
  return new AppError("unparseable", `${where}：${what}`, { details: { entry, line } });
}
