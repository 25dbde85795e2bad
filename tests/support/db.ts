import { db } from "@/lib/db/client";
import type { Channel } from "@/lib/channels";
import { newId } from "@/lib/ids";
import { splitMarkdown } from "@/lib/articles/markdown";

/** Children before parents, so foreign keys never object. */
const TABLES = [
  "MerchantOrder",
  "Merchant",
  "DeviceFeed",
  "RestoreDevice",
  "RestoreLink",
  "Event",
  "Entitlement",
  "SeriesGrant",
  "PassGrant",
  "RedeemCode",
  "Coupon",
  "SeriesArticle",
  "BillEntry",
  "BillImport",
  "PaymentClaim",
  "StandbyReport",
  "OrderProblem",
  "ReaderRequest",
  "Payment",
  "Notification",
  "Order",
  "QrCode",
  "DeviceAccount",
  "Device",
  "Account",
  "Redirect",
  "ArticleTag",
  "Series",
  "Pass",
  "Article",
  "Setting",
  "Job",
  "Alert",
  "AdminSession",
  "LoginFailure",
  "ReaderFeed",
  "FeedFetch",
  "DeliveryMark",
  "RateLimit",
  "MediaFile",
  "Backup",
] as const;

export async function resetDb(): Promise<void> {
  for (const t of TABLES) await db().$executeRawUnsafe(`DELETE FROM "${t}"`);
}

export async function makeArticle(
  opts: {
    slug?: string;
    title?: string;
    priceCents?: number;
    markdown?: string;
    published?: boolean;
    tags?: string[];
    publishedAt?: Date;
    demo?: boolean;
  } = {},
) {
  const priceCents = opts.priceCents ?? 100;
  const markdown = opts.markdown ?? "公开的开头，人人可见。\n\n<!-- more -->\n\n付费后才能看到的秘密正文 SECRET-BODY。";
  const { teaser, body } = splitMarkdown(markdown, priceCents);
  return db().article.create({
    data: {
      id: newId(),
      slug:
        opts.slug ??
        `post-${newId(4)
          .toLowerCase()
          .replace(/[^a-z0-9]/g, "x")}`,
      title: opts.title ?? "测试文章",
      teaser,
      body,
      priceCents,
      published: opts.published ?? true,
      publishedAt: opts.publishedAt ?? new Date(),
      tags: { create: (opts.tags ?? []).map((tag) => ({ tag })) },
      demo: opts.demo ?? false,
    },
  });
}

export async function makeQr(
  channel: Channel,
  amountCents: number | null = null,
  opts: { demo?: boolean; createdAt?: Date; payload?: string; accountId?: string } = {},
) {
  return db().qrCode.create({
    data: {
      id: newId(),
      channel,
      accountId: opts.accountId ?? null,
      amountCents,
      demo: opts.demo ?? false,
      createdAt: opts.createdAt,
      payload:
        opts.payload ??
        `${channel === "wechat" ? "wxp://f2f0" : "https://qr.alipay.com/fkx0"}${opts.demo ? "demo" : "test"}${amountCents ?? "any"}`,
    },
  });
}
