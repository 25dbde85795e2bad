import { LABEL_PLACEHOLDER, PLACEHOLDER_RANGE, placeholderFor } from "@/lib/marks/carriers";
import { markHtmlWith } from "@/lib/marks/html";
import { registerTemplate, templateCapture } from "@/lib/marks/template";

/**
 * The article page's side of the page cache's templates (lib/marks/template.ts): when the request
 * carries this process's template key, the body gets a placeholder in every slot instead of the
 * reader's carriers, and the placeholders used are registered for the cache to check. A post whose
 * own text holds a character from the placeholder range is never made a template (the cache could
 * not tell its characters from ours): it is rendered for the reader as usual and not stored.
 */
export function templateBody(
  header: string | null,
  article: { title: string; teaser: string },
  html: string,
): { html: string; label: string } | null {
  const capture = templateCapture(header);
  if (!capture || [article.title, article.teaser, html].some((t) => PLACEHOLDER_RANGE.test(t))) return null;
  let sequence = "";
  const template = markHtmlWith(html, (slot) => {
    const p = placeholderFor(slot);
    sequence += p;
    return p;
  });
  registerTemplate(capture, sequence);
  return { html: template, label: LABEL_PLACEHOLDER };
}
