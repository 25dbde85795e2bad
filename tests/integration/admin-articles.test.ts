import { describe, expect, it } from "vitest";
import { GET as list, POST as create } from "@/app/api/admin/articles/route";
import { GET as read, PATCH as update, DELETE as remove } from "@/app/api/admin/articles/[slug]/route";
import { POST as preview } from "@/app/api/admin/preview/route";
import { db } from "@/lib/db/client";
import { findPublishedArticle, loadGatedBody } from "@/lib/articles/queries";
import { call, makeRequest } from "../support/http";
import { adminRequest, enableAdmin, type Via } from "../support/admin";
import { makeArticle } from "../support/db";

const post = {
  slug: "hello-world",
  title: "你好",
  priceCents: 199,
  markdown: "公开开头\n\n<!-- more -->\n\n付费正文 GATED",
  published: true,
};

describe.each<Via>(["session", "token"])("admin articles API (via %s)", (via) => {
  it("creates a post split at the divider and reads it back joined", async () => {
    enableAdmin();
    const res = await call(create, await adminRequest(via, "POST", "/api/admin/articles", { body: post }));
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ slug: "hello-world", title: "你好", priceCents: 199, published: true });
    const row = await db().article.findUniqueOrThrow({ where: { slug: "hello-world" } });
    expect(row.teaser).toBe("公开开头");
    expect(row.body).toBe("付费正文 GATED");
    expect(row.publishedAt).not.toBeNull();
    const got = await call(read, await adminRequest(via, "GET", "/api/admin/articles/hello-world"), { slug: "hello-world" });
    expect(got.json.markdown).toBe(post.markdown);
    const listed = await call(list, await adminRequest(via, "GET", "/api/admin/articles"));
    expect(listed.json.items.map((a: { slug: string }) => a.slug)).toEqual(["hello-world"]);
    expect(listed.text).not.toContain("GATED");
  });

  it("unpublishes, renames and re-prices with PATCH", async () => {
    enableAdmin();
    await call(create, await adminRequest(via, "POST", "/api/admin/articles", { body: post }));
    const res = await call(
      update,
      await adminRequest(via, "PATCH", "/api/admin/articles/hello-world", { body: { published: false, slug: "renamed", priceCents: 0 } }),
      { slug: "hello-world" },
    );
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ slug: "renamed", published: false, priceCents: 0 });
    expect(await findPublishedArticle("renamed")).toBeNull();
  });

  it("deletes a post nobody paid for", async () => {
    enableAdmin();
    const a = await makeArticle({ slug: "to-delete" });
    const res = await call(remove, await adminRequest(via, "DELETE", "/api/admin/articles/to-delete"), { slug: "to-delete" });
    expect(res.status).toBe(200);
    expect(await db().article.findUnique({ where: { id: a.id } })).toBeNull();
  });

  it("renders the preview with the readers' sanitiser", async () => {
    enableAdmin();
    const res = await call(
      preview,
      await adminRequest(via, "POST", "/api/admin/preview", {
        body: { markdown: "**hi**<script>alert(1)</script>\n\n<!-- more -->\n\n[x](javascript:alert(1))", priceCents: 100 },
      }),
    );
    expect(res.json.teaserHtml).toContain("<strong>hi</strong>");
    expect(res.json.teaserHtml).not.toContain("<script");
    expect(res.json.bodyHtml).not.toContain("javascript:");
  });
});

describe("admin articles API input checks", () => {
  it("refuses every articles route without credentials (401)", async () => {
    enableAdmin();
    await makeArticle({ slug: "x" });
    const p = { slug: "x" };
    for (const [h, m] of [
      [list, "GET"],
      [create, "POST"],
      [read, "GET"],
      [update, "PATCH"],
      [remove, "DELETE"],
      [preview, "POST"],
    ] as const) {
      const res = await call(
        h as typeof read,
        makeRequest(m, "/api/admin/articles/x", { body: m === "GET" || m === "DELETE" ? undefined : post }),
        p,
      );
      expect(res.status, `${m}`).toBe(401);
    }
  });

  it("answers 409 for a duplicate slug, on create and on rename", async () => {
    enableAdmin();
    await makeArticle({ slug: "taken" });
    await makeArticle({ slug: "other" });
    const dup = await call(create, await adminRequest("token", "POST", "/api/admin/articles", { body: { ...post, slug: "taken" } }));
    expect(dup.status).toBe(409);
    expect(dup.json.error.message).toContain("taken");
    const rename = await call(update, await adminRequest("token", "PATCH", "/api/admin/articles/other", { body: { slug: "taken" } }), {
      slug: "other",
    });
    expect(rename.status).toBe(409);
  });

  it("answers 400 for a bad slug, an empty title, a fractional or negative price, and bad JSON", async () => {
    enableAdmin();
    for (const bad of [{ slug: "Bad Slug!" }, { title: "" }, { priceCents: 1.5 }, { priceCents: -1 }, { published: "yes" }]) {
      const res = await call(create, await adminRequest("token", "POST", "/api/admin/articles", { body: { ...post, ...bad } }));
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.json.error.code).toBe("invalid_input");
    }
    const badJson = await call(create, await adminRequest("token", "POST", "/api/admin/articles", { rawBody: "{" }));
    expect(badJson.status).toBe(400);
  });

  it("answers 404 for an unknown slug", async () => {
    enableAdmin();
    for (const [h, m] of [
      [read, "GET"],
      [update, "PATCH"],
      [remove, "DELETE"],
    ] as const) {
      const res = await call(
        h,
        await adminRequest("token", m, "/api/admin/articles/nope", { body: m === "PATCH" ? { title: "x" } : undefined }),
        { slug: "nope" },
      );
      expect(res.status).toBe(404);
    }
  });

  it("refuses to delete a post readers paid for (409) and keeps its body", async () => {
    enableAdmin();
    const a = await makeArticle({ slug: "sold" });
    await db().order.create({
      data: {
        id: "o1",
        articleId: a.id,
        readerId: "r1",
        channel: "wechat",
        listPriceCents: 100,
        amountCents: 100,
        status: "paid",
        slotHeldUntil: new Date(),
        expiresAt: new Date(),
        paidAt: new Date(),
      },
    });
    const res = await call(remove, await adminRequest("token", "DELETE", "/api/admin/articles/sold"), { slug: "sold" });
    expect(res.status).toBe(409);
    expect(await loadGatedBody(a.id)).toContain("SECRET-BODY");
  });
});
