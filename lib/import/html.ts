import TurndownService from "turndown";

/**
 * Blog HTML (WordPress, Ghost) to Markdown with turndown. Three things turndown
 * cannot know: the more/paywall comment is our divider (comments are dropped,
 * so it travels as a marker paragraph); WordPress's classic editor stores
 * paragraphs as blank lines and adds <p> only when showing the post (wpautop);
 * tables have no Markdown form turndown writes, so they stay HTML (the
 * renderer's sanitiser allows table tags).
 */
const MARK = "PAYWALLDIVIDERMARK";
const MORE_COMMENT = /<!--\s*(?:more|paywall)\b[^>]*-->/gi;

const turndown = new TurndownService({
  headingStyle: "atx",
  codeBlockStyle: "fenced",
  bulletListMarker: "-",
  emDelimiter: "*",
  hr: "---",
});
turndown.keep(["table"]);
turndown.remove(["script", "style", "noscript", "iframe", "form"]);

export function htmlToMarkdown(html: string): string {
  const marked = autop(stripShortcodes(html))
    .replace(MORE_COMMENT, `<p>${MARK}</p>`)
    .replace(/<!--\s*nextpage\s*-->/gi, "");
  const md = turndown.turndown(marked);
  return md.replace(new RegExp(`^[ \\t]*${MARK}[ \\t]*$`, "gm"), "<!-- more -->").trim();
}

/** [caption …]<img …> text[/caption] keeps its picture and text; [embed]url[/embed] keeps the URL. */
function stripShortcodes(html: string): string {
  return html.replace(/\[(caption|embed|wp_caption)[^\]]*\]([\s\S]*?)\[\/\1\]/gi, "$2");
}

const BLOCK = /^<(p|div|h[1-6]|ul|ol|li|blockquote|pre|table|figure|hr|!--)\b/i;

/** WordPress's wpautop, reduced: blank-line paragraphs and single-line breaks in content that has no <p> of its own. */
export function autop(html: string): string {
  if (/<p[\s>]/i.test(html) || /<!-- wp:/.test(html)) return html;
  const pres: string[] = [];
  const text = html.replace(/<pre[\s\S]*?<\/pre>/gi, (m) => `\u0000${pres.push(m) - 1}\u0000`);
  const out = text
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((chunk) => chunk.trim())
    .filter(Boolean)
    .map((chunk) => (BLOCK.test(chunk) || /^\u0000\d+\u0000$/.test(chunk) ? chunk : `<p>${chunk.replace(/\n/g, "<br>\n")}</p>`))
    .join("\n");
  return out.replace(/\u0000(\d+)\u0000/g, (_, i: string) => pres[Number(i)]);
}
