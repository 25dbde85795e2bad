import { beforeEach, describe, expect, it } from "vitest";
import { GET as exportSite } from "@/app/api/admin/export/site/route";
import { db } from "@/lib/db/client";
import { newId } from "@/lib/ids";
import { readImage, saveImage } from "@/lib/media/store";
import { chinaIso } from "@/lib/china-time";
import { readZip } from "@/lib/import/zip";
import { qrPng } from "../support/qr-images";
import { makeArticle } from "../support/db";
import { resetDb } from "../support/db";
import { ADMIN_TOKEN } from "../support/admin";
import { makeRequest } from "../support/http";
import { buy, newCodes, newCoupon, newPass, newSeries, shopOpen } from "../support/products";
import { newMerchant } from "../support/gateway";
import { importUpload } from "../support/import";

/** 导出全部 (GET /api/admin/export/site) and the round trip through 导入 into an empty site. */
async function exportZip(): Promise<Map<string, Buffer>> {
  const res = await exportSite(makeRequest("GET", "/api/admin/export/site", { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } }), {
    params: Promise.resolve({}),
  });
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe("application/zip");
  const bytes = Buffer.from(await res.arrayBuffer());
  (exportZip as { last?: Buffer }).last = bytes;
  return readZip(bytes, () => true);
}

/** What a round trip must keep of every post: its text, price, paid split, state, date and tags. */
const KEPT = ["slug", "title", "teaser", "body", "priceCents", "published", "publishedAt"] as const;
const snapshot = async () =>
  (await db().article.findMany({ include: { tags: true }, orderBy: { slug: "asc" } })).map((a) => ({
    ...Object.fromEntries(KEPT.map((k) => [k, a[k]])),
    tags: a.tags.map((t) => t.tag).sort(),
  }));

let image = "";
let imageBytes: Buffer = Buffer.alloc(0);
beforeEach(async () => {
  await shopOpen();
  imageBytes = await qrPng("not a payment code, just a picture");
  image = (await saveImage(imageBytes)).url;
  await makeArticle({ slug: "free-post", priceCents: 0, markdown: `免费全文 ![图](${image})`, tags: ["生活"] });
  await makeArticle({
    slug: "paid-post",
    priceCents: 250,
    markdown: "公开 PUBLIC\n\n<!-- more -->\n\n付费 SECRET",
    tags: ["编程", "教程"],
  });
  await makeArticle({ slug: "all-gated", priceCents: 100, markdown: "<!-- more -->\n\n全文付费" });
  await makeArticle({ slug: "a-draft", priceCents: 300, markdown: "草稿开头\n\n<!-- more -->\n\n草稿正文", published: false });
  await makeArticle({ slug: "later", priceCents: 0, markdown: "定时", publishedAt: new Date(Date.now() + 86_400_000) });
});

describe("GET /api/admin/export/site", () => {
  it("has every post as Markdown with front matter, the images, and the data as JSON", async () => {
    await newSeries("my-series", ["paid-post"]);
    await newPass({ name: "年卡", priceCents: 9900, days: 365 });
    await newCoupon({ code: "SPRING", percentOff: 20 });
    await newCodes({ articleSlug: "paid-post" }, 2);
    await buy({ slug: "paid-post", channel: "wechat" });
    const files = await exportZip();
    const names = [...files.keys()];
    expect(names).toEqual(expect.arrayContaining(["paywall-export.json", "README.txt", `media/${image.slice(7)}`]));
    for (const slug of ["free-post", "paid-post", "all-gated", "a-draft", "later"]) expect(names).toContain(`posts/${slug}.md`);
    // The image comes out of the database byte for byte.
    expect(files.get(`media/${image.slice(7)}`)!.equals(imageBytes)).toBe(true);
    const paid = files.get("posts/paid-post.md")!.toString();
    const { publishedAt } = await db().article.findUniqueOrThrow({ where: { slug: "paid-post" } });
    // Dates in China time, to the millisecond.
    expect(paid.startsWith(`---\ntitle: 测试文章\nslug: paid-post\ndate: ${chinaIso(publishedAt!)}\n`)).toBe(true);
    expect(paid).toMatch(/tags:\n  - 教程\n  - 编程\nprice: 2.5\ndraft: false\n---\n\n公开 PUBLIC\n\n<!-- more -->\n\n付费 SECRET\n$/);
    expect(files.get("posts/a-draft.md")!.toString()).toContain("draft: true");
    expect(files.get("posts/later.md")!.toString()).toContain("scheduled: true");
    const json = (name: string) => JSON.parse(files.get(`data/${name}.json`)!.toString()) as Record<string, unknown>[];
    expect(json("series")[0]).toMatchObject({ slug: "my-series", articles: [{ position: 0, article: { slug: "paid-post" } }] });
    expect(json("passes")).toHaveLength(1);
    expect(json("coupons")[0]).toMatchObject({ code: "SPRING" });
    expect(json("redeem-codes")).toHaveLength(2);
    expect(json("orders")[0]).toMatchObject({ status: "paid", listPriceCents: 250 });
    expect(json("payments")[0]).toMatchObject({ status: "matched" });
    expect(json("entitlements")[0]).toMatchObject({ article: { slug: "paid-post" } });
    expect(json("receiving-codes").length).toBeGreaterThan(0);
  });

  it("never carries a secret: device secrets, merchant keys, the password hash, the session secret", async () => {
    const merchant = await newMerchant();
    const deviceSecret = `whsec_${Buffer.from(newId(24)).toString("base64")}`;
    await db().device.create({ data: { id: newId(), name: "手机", secret: deviceSecret } });
    await db().setting.create({ data: { key: "admin.passwordHash", value: "$argon2id$v=19$m=65536,t=3,p=4$SECRETHASH" } });
    const files = await exportZip();
    const all = Buffer.concat([...files.values()]).toString();
    for (const secret of [merchant.key, deviceSecret, "SECRETHASH", process.env.SESSION_SECRET!, process.env.NOTIFY_SECRET!]) {
      expect(all).not.toContain(secret);
    }
  });

  it("imports into an empty site with the same posts, prices, paid splits, tags, dates and images", async () => {
    await db().redirect.create({
      data: {
        id: newId(),
        fromPath: "/2020/01/paid",
        articleId: (await db().article.findUniqueOrThrow({ where: { slug: "paid-post" } })).id,
      },
    });
    const before = await snapshot();
    await exportZip();
    const zip = (exportZip as { last?: Buffer }).last!;
    await resetDb();
    expect(await db().mediaFile.count()).toBe(0);
    const res = await importUpload(zip, "site-export.zip");
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ posts: 5, updated: 0, images: 1, redirects: 1, skipped: [] });
    expect(await snapshot()).toEqual(before);
    expect((await db().article.findUniqueOrThrow({ where: { slug: "free-post" } })).teaser).toContain(image);
    expect((await readImage(image.slice(7)))?.bytes.equals(imageBytes)).toBe(true);
  });
});
