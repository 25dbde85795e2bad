"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { mutate } from "swr";
import { adminSend } from "@/lib/swr/use-admin";
import { ApiError } from "@/lib/client/api";
import { formatCents, yuanToCents } from "@/lib/money";
import { Card } from "@/components/admin/card";
import { MarkdownPreview } from "@/components/admin/markdown-preview";

import type { ArticleForAdmin } from "@/lib/articles/admin";

export type PostDraft = Pick<ArticleForAdmin, "slug" | "title" | "priceCents" | "markdown" | "published">;

const EMPTY: PostDraft = {
  slug: "",
  title: "",
  priceCents: 100,
  markdown: "公开的开头……\n\n<!-- more -->\n\n付费后可见的正文……",
  published: false,
};
const input = "mt-1 w-full rounded-lg border border-stone-300 px-3 py-2";

/** Create (no `initial`) or edit a post; the price is typed in yuan and sent as cents. */
export function PostEditor({ initial }: { initial?: PostDraft }) {
  const router = useRouter();
  const [draft, setDraft] = useState<PostDraft>(initial ?? EMPTY);
  const [price, setPrice] = useState(formatCents((initial ?? EMPTY).priceCents));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const priceCents = yuanToCents(price);
  const set = <K extends keyof PostDraft>(k: K, v: PostDraft[K]) => setDraft((d) => ({ ...d, [k]: v }));

  const actions: [string, boolean, string][] = [
    [initial?.published ? "保存" : "发布", true, "bg-emerald-600 text-white"],
    [initial?.published ? "保存并下架" : "存为草稿", false, "bg-stone-200"],
  ];

  async function save(published: boolean) {
    if (priceCents === null) return setError("价格格式不对：请填写元，例如 1 或 0.99。");
    setBusy(true);
    setError(null);
    const body = { ...draft, priceCents, published };
    try {
      const saved = initial
        ? await adminSend<PostDraft>("PATCH", `/api/admin/articles/${initial.slug}`, body)
        : await adminSend<PostDraft>("POST", "/api/admin/articles", body);
      await mutate("/api/admin/articles");
      router.push(`/admin/posts?saved=${encodeURIComponent(saved.slug)}`);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : "保存失败，请重试。");
      setBusy(false);
    }
  }

  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Card title={initial ? "编辑文章" : "写文章"}>
        <div className="space-y-3">
          <label className="block text-sm">
            标题
            <input className={input} value={draft.title} onChange={(e) => set("title", e.target.value)} />
          </label>
          <div className="grid grid-cols-2 gap-3">
            <label className="block text-sm">
              网址（slug）
              <input
                className={input}
                value={draft.slug}
                placeholder="my-post"
                onChange={(e) => set("slug", e.target.value.toLowerCase())}
              />
            </label>
            <label className="block text-sm">
              价格（元，0 为免费）
              <input className={input} inputMode="decimal" value={price} onChange={(e) => setPrice(e.target.value)} />
            </label>
          </div>
          <label className="block text-sm">
            正文（Markdown，用单独一行 <code>&lt;!-- more --&gt;</code> 分隔公开部分与付费部分）
            <textarea
              className={`${input} h-80 font-mono text-sm`}
              value={draft.markdown}
              onChange={(e) => set("markdown", e.target.value)}
            />
          </label>
          {error && (
            <p role="alert" className="text-sm text-red-600">
              {error}
            </p>
          )}
          <div className="flex flex-wrap gap-2">
            {actions.map(([label, published, style]) => (
              <button
                key={label}
                type="button"
                disabled={busy}
                onClick={() => save(published)}
                className={`rounded-lg px-4 py-2 disabled:opacity-50 ${style}`}
              >
                {label}
              </button>
            ))}
          </div>
        </div>
      </Card>
      <Card title="预览">
        <MarkdownPreview markdown={draft.markdown} priceCents={priceCents ?? 0} />
      </Card>
    </div>
  );
}
