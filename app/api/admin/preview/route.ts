import { z } from "zod";
import { json, owner, readJson } from "@/lib/http/door";
import { renderMarkdown, splitMarkdown } from "@/lib/articles/markdown";
import { priceSchema } from "@/lib/price-schema";

const body = z.object({ markdown: z.string().max(500_000), priceCents: priceSchema.default(100) });

/** The editor's live preview, rendered by the same sanitiser readers get. */
export const POST = owner(async ({ req }) => {
  const { markdown, priceCents } = await readJson(req, body, 1024 * 1024);
  const { teaser, body: gated } = splitMarkdown(markdown, priceCents);
  return json({ teaserHtml: renderMarkdown(teaser), bodyHtml: renderMarkdown(gated) });
});
