import { parseDocument } from "htmlparser2";
import render from "dom-serializer";
import { isTag, isText, Text, type Element, type ChildNode } from "domhandler";

/**
 * Post HTML (renderMarkdown's sanitised output, marks included) as the XHTML an EPUB needs:
 * well-formed XML, site links made absolute, images either packed into the book (our own uploads,
 * `pack` returns their path inside it) or, when they live elsewhere, replaced by a link — EPUB 3
 * does not allow remote images.
 */
export function toXhtml(html: string, origin: string, pack: (src: string) => string | null): string {
  const doc = parseDocument(html);
  walk(doc.children, (el) => {
    if (el.name === "a" && el.attribs.href?.startsWith("/")) el.attribs.href = `${origin}${el.attribs.href}`;
    if (el.name !== "img") return;
    const src = el.attribs.src ?? "";
    const packed = src.startsWith("/media/") ? pack(src.slice("/media/".length)) : null;
    delete el.attribs.loading;
    delete el.attribs.decoding;
    if (packed) {
      el.attribs.src = packed;
      el.attribs.alt ??= "";
      return;
    }
    // A remote or missing picture: a link to it, with its description.
    const alt = el.attribs.alt?.trim();
    el.name = "a";
    el.attribs = { href: src.startsWith("/") ? `${origin}${src}` : src };
    const label = new Text(alt ? `[图片：${alt}]` : "[图片]");
    label.parent = el;
    el.children = [label];
  });
  // dom-serializer's XML mode spells every non-ASCII character as an entity (Chinese, and the
  // marks with it): escape only what XML needs ourselves and let it write the characters as they are.
  escapeAll(doc.children);
  return render(doc, { xmlMode: true, encodeEntities: false, selfClosingTags: true });
}

function walk(nodes: ChildNode[], visit: (el: Element) => void): void {
  for (const n of nodes) {
    if (!isTag(n)) continue;
    visit(n);
    walk(n.children, visit);
  }
}

// XML's own five, nothing else (entities' HTML escapes would write &nbsp;, which XML does not know).
const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };
const escapeText = (s: string) => s.replace(/[&<>]/g, (c) => XML_ESCAPES[c]);
const escapeAttribute = (s: string) => s.replace(/[&<>"]/g, (c) => XML_ESCAPES[c]);

function escapeAll(nodes: ChildNode[]): void {
  for (const n of nodes) {
    if (isText(n)) n.data = escapeText(n.data);
    else if (isTag(n)) {
      for (const [k, v] of Object.entries(n.attribs)) n.attribs[k] = escapeAttribute(v);
      escapeAll(n.children);
    }
  }
}
