import { db } from "@/lib/db/client";
import { newId } from "@/lib/ids";
import { splitMarkdown } from "@/lib/articles/markdown";
import { readingMinutes } from "@/lib/articles/reading";
import { demoArticles, demoQrCodes } from "@/lib/demo/content";
import { defaultAccountId } from "@/lib/accounts/store";

/** Fills an empty database with demo content; does nothing when any article or QR code exists. */
export async function seedIfEmpty(): Promise<boolean> {
  const [articles, codes] = await Promise.all([db().article.count(), db().qrCode.count()]);
  if (articles > 0 || codes > 0) return false;
  const now = Date.now();
  // The migration made each channel's default account; a wiped database gets it back here.
  const account = { wechat: await defaultAccountId(db(), "wechat"), alipay: await defaultAccountId(db(), "alipay") };
  await db().$transaction([
    ...demoArticles.map((a, i) => {
      const { teaser, body } = splitMarkdown(a.markdown, a.priceCents);
      const at = new Date(now - i * 3600_000);
      return db().article.create({
        data: {
          id: newId(),
          slug: a.slug,
          title: a.title,
          teaser,
          body,
          priceCents: a.priceCents,
          readingMinutes: readingMinutes(teaser, body),
          tags: { create: a.tags.map((tag) => ({ tag })) },
          published: true,
          demo: true,
          publishedAt: at,
          createdAt: at,
        },
      });
    }),
    ...demoQrCodes.map((q) => db().qrCode.create({ data: { id: newId(), ...q, accountId: account[q.channel], demo: true } })),
  ]);
  return true;
}
