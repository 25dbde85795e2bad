import JSZip from "jszip";
import { escapeUTF8 } from "entities";
import { renderMarkdown } from "@/lib/articles/markdown";
import { MEDIA_NAME } from "@/lib/media/image";
import { readImage } from "@/lib/media/store";
import { markedHtml } from "@/lib/marks/deliver";
import type { LibraryItem } from "@/lib/library/collect";
import { toXhtml } from "@/lib/library/xhtml";
import { chinaDay } from "@/lib/china-time";

/**
 * The library as an EPUB 3 book (valid for epubcheck; opens in Apple Books and calibre): one
 * chapter per post — title, date, the public opening, then the gated text with the reader's mark
 * exactly as the page shows it — our own uploaded images packed in, a navigation document, and
 * the container JSZip writes with the uncompressed `mimetype` first as the format requires.
 */
export interface EpubInput {
  siteName: string;
  author: string;
  origin: string;
  items: LibraryItem[];
  /** A stable id for this reader's book (urn:uuid form). */
  id: string;
  now?: Date;
}

const esc = (s: string) => escapeUTF8(s);
const CSS = `body{font-family:serif;line-height:1.8;margin:0 5%}h1{font-size:1.4em;line-height:1.4}.meta{color:#777;font-size:.85em}img{max-width:100%;height:auto}pre{white-space:pre-wrap;font-size:.85em}blockquote{margin-left:1em;padding-left:1em;border-left:3px solid #ccc;color:#555}`;

function xhtmlPage(title: string, body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="zh-CN" lang="zh-CN">
<head><meta charset="UTF-8"/><title>${esc(title)}</title><link rel="stylesheet" type="text/css" href="style.css"/></head>
<body>${body}</body>
</html>
`;
}

export async function libraryEpub(i: EpubInput): Promise<Buffer> {
  const now = i.now ?? new Date();
  const title = `${i.siteName} · 我的购买`;
  const zip = new JSZip();
  zip.file("mimetype", "application/epub+zip", { compression: "STORE" });
  zip.file(
    "META-INF/container.xml",
    `<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>
`,
  );
  const images = new Map<string, { file: string; type: string }>();
  const manifest: string[] = [];
  const spine: string[] = [];
  const toc: string[] = [];
  for (const [n, { article: a, body, mark }] of i.items.entries()) {
    const pending: string[] = [];
    const pack = (name: string) => {
      if (!MEDIA_NAME.test(name)) return null;
      if (!images.has(name)) pending.push(name);
      return `images/${name}`;
    };
    const opening = toXhtml(renderMarkdown(a.teaser), i.origin, pack);
    const gated = toXhtml(markedHtml(renderMarkdown(body), mark), i.origin, pack);
    for (const name of pending) {
      const img = await readImage(name);
      if (img) images.set(name, { file: `images/${name}`, type: img.contentType });
      if (img) zip.file(`OEBPS/images/${name}`, img.bytes);
    }
    // An image that could not be read: drop the reference rather than ship a broken book.
    const fix = (x: string) =>
      x.replace(/<img [^>]*src="images\/([^"]+)"[^>]*\/>/g, (tag, name: string) => (images.has(name) ? tag : "[图片]"));
    const file = `post-${n + 1}.xhtml`;
    const meta = `<p class="meta">${chinaDay(a.publishedAt ?? a.createdAt)} · <a href="${esc(`${i.origin}/posts/${a.slug}`)}">原文</a></p>`;
    zip.file(
      `OEBPS/${file}`,
      xhtmlPage(a.title, `<section epub:type="chapter"><h1>${esc(a.title)}</h1>${meta}${fix(opening)}${fix(gated)}</section>`),
    );
    manifest.push(`<item id="post-${n + 1}" href="${file}" media-type="application/xhtml+xml"/>`);
    spine.push(`<itemref idref="post-${n + 1}"/>`);
    toc.push(`<li><a href="${file}">${esc(a.title)}</a></li>`);
  }
  let k = 0;
  for (const img of images.values()) manifest.push(`<item id="img-${++k}" href="${img.file}" media-type="${img.type}"/>`);
  const intro = `<h1>${esc(title)}</h1><p>导出于 ${chinaDay(now)}，共 ${i.items.length} 篇。仅供本人阅读，请勿转载。</p>`;
  zip.file("OEBPS/title.xhtml", xhtmlPage(title, intro));
  zip.file(
    "OEBPS/nav.xhtml",
    xhtmlPage(
      "目录",
      `<nav epub:type="toc" id="toc"><h1>目录</h1><ol><li><a href="title.xhtml">${esc(title)}</a></li>${toc.join("")}</ol></nav>`,
    ),
  );
  zip.file("OEBPS/style.css", CSS);
  zip.file(
    "OEBPS/content.opf",
    `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="zh-CN">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:identifier id="book-id">${esc(i.id)}</dc:identifier>
<dc:title>${esc(title)}</dc:title>
<dc:creator>${esc(i.author || i.siteName)}</dc:creator>
<dc:language>zh-CN</dc:language>
<meta property="dcterms:modified">${now.toISOString().slice(0, 19)}Z</meta>
</metadata>
<manifest>
<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
<item id="title" href="title.xhtml" media-type="application/xhtml+xml"/>
<item id="css" href="style.css" media-type="text/css"/>
${manifest.join("\n")}
</manifest>
<spine>
<itemref idref="title"/>
${spine.join("\n")}
</spine>
</package>
`,
  );
  return zip.generateAsync({
    type: "nodebuffer",
    compression: "DEFLATE",
    compressionOptions: { level: 6 },
    mimeType: "application/epub+zip",
  });
}
