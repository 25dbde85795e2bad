import { AppError } from "@/lib/errors";
import { siteSettings } from "@/lib/settings/store";
import { readZip } from "@/lib/import/zip";
import { readWxr } from "@/lib/import/wxr";
import { readGhost } from "@/lib/import/ghost";
import { readMarkdownSite, wantedInZip } from "@/lib/import/markdown-site";
import { IMAGE_FILE, ZipImages } from "@/lib/import/images";
import { uniqueSlugs } from "@/lib/import/slug";
import { applyImport } from "@/lib/import/apply";
import { brokenFile, type ImportSummary, type ParsedImport } from "@/lib/import/types";
import { wellFormed } from "@/lib/http/request";

/**
 * POST /api/admin/import: one uploaded file, recognised by its bytes — a zip
 * (Markdown site, our own export, or a WordPress XML with its uploads folder),
 * an XML (WordPress WXR) or a JSON (Ghost) — read completely (a broken entry
 * stops everything with its name and line), then written in one transaction.
 */
export const IMPORT_MAX_BYTES = 100 * 1024 * 1024;

export async function importFile(bytes: Buffer, fileName: string | null, now = new Date()): Promise<ImportSummary> {
  const parsed = await parseFile(bytes, fileName ?? "上传的文件", (await siteSettings()).teaserChars);
  // Text no database can store (NUL, a lone surrogate, e.g. from a YAML "\0" escape) is the file's fault: say where.
  const bad = parsed.posts.find((p) => !wellFormed([p.title, p.markdown, p.tags]));
  if (bad) throw brokenFile(bad.source, null, "含有无效的字符（NUL 或不成对的 Unicode 代理项），请删掉后再导入");
  return applyImport({ ...parsed, posts: uniqueSlugs(parsed.posts) }, now);
}

export async function parseFile(bytes: Buffer, name: string, teaserChars: number): Promise<ParsedImport> {
  if (bytes.length === 0) throw new AppError("invalid_input", "上传的文件是空的。");
  if (bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return parseZip(bytes, teaserChars);
  const text = decodeText(bytes, name);
  const start = text.trimStart()[0];
  if (start === "<") return readWxr(name, text, teaserChars);
  if (start === "{") return readGhost(name, text, teaserChars);
  throw new AppError(
    "unparseable",
    "不认识这个文件：请上传 WordPress 导出的 .xml、Ghost 导出的 .json，或 Markdown 文章（Hexo / Hugo / Jekyll / Obsidian）打成的 .zip。",
  );
}

async function parseZip(bytes: Buffer, teaserChars: number): Promise<ParsedImport> {
  const files = await readZip(bytes, (n) => wantedInZip(n) || /\.xml$/i.test(n));
  const xml = [...files.keys()].find(
    (n) =>
      /\.xml$/i.test(n) &&
      /<wp:wxr_version>/.test(
        files
          .get(n)!
          .subarray(0, 64 * 1024)
          .toString("utf8"),
      ),
  );
  if (xml) {
    // A WordPress export with its wp-content/uploads: the images come across too.
    const images = new ZipImages(new Map([...files].filter(([n]) => IMAGE_FILE.test(n))), "");
    return readWxr(xml, decodeText(files.get(xml)!, xml), teaserChars, images);
  }
  const parsed = readMarkdownSite(files, teaserChars);
  if (parsed.posts.length === 0 && parsed.skipped.length === 0) {
    throw new AppError(
      "unparseable",
      "压缩包里没有 Markdown 文章（.md）：请把 Hexo 的 source/_posts、Hugo 的 content、Jekyll 的 _posts 或 Obsidian 仓库打包上传。",
    );
  }
  return parsed;
}

function decodeText(bytes: Buffer, name: string): string {
  const text = bytes.toString("utf8").replace(/^\uFEFF/, "");
  if (text.includes("\u0000")) throw new AppError("unparseable", `${name}：不是 UTF-8 文本文件。`);
  return text;
}
