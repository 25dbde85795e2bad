import { createHash } from "node:crypto";
import path from "node:path/posix";
import { inspectImage, mediaName } from "@/lib/media/image";
import type { Note } from "@/lib/import/types";

/**
 * Images inside an uploaded zip, and the links posts make to them. A link is
 * looked up where each tool puts the file: next to the post (Hugo page bundles,
 * Obsidian), in the post's asset folder (Hexo post_asset_folder: a.md + a/img.png),
 * under the site's root, source/ or static/ for a "/…" path, and by bare file
 * name anywhere for Obsidian's ![[img.png]]. A found image is checked from its
 * bytes (PNG, JPEG, GIF, WebP; lib/media/image.ts) and the link becomes its
 * /media/ address; anything else keeps its link and is reported.
 */
export const IMAGE_FILE = /\.(png|jpe?g|gif|webp)$/i;

export class ZipImages {
  readonly used = new Map<string, Buffer>();
  private readonly byBase = new Map<string, string[]>();

  constructor(
    private readonly files: Map<string, Buffer>,
    private readonly root: string,
  ) {
    for (const name of files.keys()) {
      if (!IMAGE_FILE.test(name)) continue;
      const base = path.basename(name).toLowerCase();
      this.byBase.set(base, [...(this.byBase.get(base) ?? []), name]);
    }
  }

  /** The /media/ URL for a link written in the post at `post`, or null (warned) when it is not in the zip or not an image. */
  resolve(post: string, link: string, warnings: Note[]): string | null {
    if (/^(https?:|data:|\/\/|mailto:)/i.test(link)) return null;
    // Already rewritten by an earlier pattern (an {% asset_img %} becomes ![](/media/…)).
    if (link.startsWith("/media/") && this.used.has(link.slice(7))) return null;
    let target = link.split(/[?#]/)[0];
    try {
      target = decodeURIComponent(target);
    } catch {
      /* as written */
    }
    if (!IMAGE_FILE.test(target) && !target.startsWith("/media/")) return null;
    const file = this.find(post, target);
    if (!file) {
      warnings.push({ item: post, reason: `图片「${link}」不在压缩包里，保留了原链接` });
      return null;
    }
    const bytes = this.files.get(file)!;
    const info = inspectImage(bytes);
    if (!info.ok) {
      warnings.push({ item: file, reason: "不是可用的 PNG、JPEG、GIF 或 WebP 图片（或尺寸过大），保留了原链接" });
      return null;
    }
    const name = mediaName(createHash("sha256").update(bytes).digest("hex"), info);
    this.used.set(name, bytes);
    return `/media/${name}`;
  }

  /** A WordPress upload linked by its full URL (…/wp-content/uploads/2024/05/a.jpg), found by its path under uploads/. */
  resolveUpload(item: string, url: string, warnings: Note[]): string | null {
    const m = /\/wp-content\/uploads\/([^?#"']+)$/i.exec(url);
    if (!m) return null;
    const suffix = `uploads/${decodeURIComponentSafe(m[1])}`;
    const file = [...this.files.keys()].find((n) => n === suffix || n.endsWith(`/${suffix}`));
    return file ? this.resolve(item, `/${file}`, warnings) : null;
  }

  private find(post: string, target: string): string | null {
    const dir = path.dirname(post);
    const stem = post.replace(/\.[^./]+$/, "");
    const candidates = target.startsWith("/")
      ? ["", "source", "static", "assets", "public"].map((base) => path.join(this.root, base, target))
      : [path.join(dir, target), path.join(stem, target), path.join(this.root, target)];
    for (const c of candidates.map((c) => c.replace(/^\/+/, ""))) if (this.files.has(c)) return c;
    // Obsidian resolves a bare name anywhere in the vault; so does a Hexo {% asset_img %} by name.
    if (!target.includes("/")) {
      const hits = this.byBase.get(target.toLowerCase());
      if (hits?.length) return hits.sort((a, b) => a.length - b.length)[0];
    }
    return null;
  }
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Rewrites every image reference in a post's Markdown through `resolve` (null = leave it). */
export function rewriteImages(markdown: string, resolve: (link: string) => string | null): string {
  return (
    markdown
      // Obsidian: ![[img.png]], ![[img.png|300]]
      .replace(/!\[\[([^\]|]+?)(?:\|[^\]]*)?\]\]/g, (m, file: string) => {
        const url = resolve(file.trim());
        return url ? `![${path.basename(file.trim()).replace(/\.[^.]+$/, "")}](${url})` : m;
      })
      // Hexo: {% asset_img img.png alt text %}
      .replace(/\{%\s*asset_img\s+(\S+)(?:\s+([^%]*?))?\s*%\}/g, (m, file: string, alt?: string) => {
        const url = resolve(file);
        return url ? `![${(alt ?? "").replace(/^["']|["']$/g, "")}](${url})` : m;
      })
      // Markdown: ![alt](path "title"), ![alt](<path with spaces>)
      .replace(/!\[([^\]]*)\]\(\s*(<[^>]+>|[^)\s]+)(\s+["'][^)]*["'])?\s*\)/g, (m, alt: string, raw: string, title?: string) => {
        const url = resolve(raw.replace(/^<|>$/g, ""));
        return url ? `![${alt}](${url}${title ?? ""})` : m;
      })
      // HTML: <img src="path">
      .replace(/(<img\b[^>]*?\bsrc\s*=\s*)(["'])([^"']+)\2/gi, (m, head: string, q: string, src: string) => {
        const url = resolve(src);
        return url ? `${head}${q}${url}${q}` : m;
      })
  );
}
