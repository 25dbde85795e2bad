import { createHash } from "node:crypto";
import { AppError } from "@/lib/errors";
import { consume } from "@/lib/http/rate-limit";
import { siteSettings } from "@/lib/settings/store";
import type { MarkHolder } from "@/lib/marks/deliver";
import { readerLibrary } from "@/lib/library/collect";
import { libraryEpub } from "@/lib/library/epub";
import { libraryMarkdown } from "@/lib/library/markdown";
import { chinaDay } from "@/lib/china-time";

/** 我的购买 → 下载全部: the reader's library as an EPUB book or one Markdown file, marked like the page. */
export const LIBRARY_FORMATS = ["epub", "md"] as const;
export type LibraryFormat = (typeof LIBRARY_FORMATS)[number];

/** The format named in the URL, or 404 for any other. */
export function libraryFormat(name: string): LibraryFormat {
  const format = LIBRARY_FORMATS.find((f) => f === name);
  if (!format) throw new AppError("not_found", "只支持 epub 和 md 两种格式。");
  return format;
}

export interface LibraryFile {
  bytes: Buffer;
  filename: string;
  contentType: string;
}

export async function libraryDownload(holder: MarkHolder | null, format: LibraryFormat, origin: string): Promise<LibraryFile> {
  if (!holder) throw new AppError("unauthorized", "这台设备还没有购买记录。");
  // A book of every post is work for the server: a generous limit, so nobody can make it do that all day.
  await consume("library", holder.readerId, 20, 3600, "下载太频繁了，请一小时后再试。");
  const items = await readerLibrary(holder);
  if (items.length === 0) throw new AppError("not_found", "还没有可下载的付费文章。");
  const settings = await siteSettings();
  const day = chinaDay(new Date());
  const filename = `${settings.siteName}-我的购买-${day}.${format}`;
  if (format === "md") {
    const text = libraryMarkdown({ siteName: settings.siteName, origin, items });
    return { bytes: Buffer.from(text), filename, contentType: "text/markdown; charset=utf-8" };
  }
  const hash = createHash("sha256").update(`library:${holder.readerId}`).digest("hex");
  const id = `urn:uuid:${hash.slice(0, 8)}-${hash.slice(8, 12)}-4${hash.slice(13, 16)}-a${hash.slice(17, 20)}-${hash.slice(20, 32)}`;
  const bytes = await libraryEpub({ siteName: settings.siteName, author: settings.author, origin, items, id });
  return { bytes, filename, contentType: "application/epub+zip" };
}
