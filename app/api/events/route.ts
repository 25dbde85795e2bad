import { z } from "zod";
import { json, readJson, reader } from "@/lib/http/door";
import { requirePublishedArticle } from "@/lib/articles/queries";
import { recordClick } from "@/lib/articles/events";
import { clientIp } from "@/lib/http/client-ip";

const body = z.object({ type: z.literal("click"), slug: z.string().min(1).max(100) });

/** Funnel: the reader pressed 阅读全文 (counted once per address and article per 10 minutes). */
export const POST = reader(async ({ req }) => {
  const { slug } = await readJson(req, body, 1024);
  const article = await requirePublishedArticle(slug);
  await recordClick(article.id, clientIp(req));
  return json({ ok: true });
});
