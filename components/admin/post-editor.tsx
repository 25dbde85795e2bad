"use client";
import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { mutate } from "swr";
import { adminSend } from "@/lib/swr/use-admin";
import { ApiError } from "@/lib/client/api";
import { formatCents, yuanToCents } from "@/lib/money";
import { Card } from "@/components/admin/card";
import { MarkdownPreview } from "@/components/admin/markdown-preview";
import { ImageUpload } from "@/components/admin/image-upload";
import { splitTagInput, MAX_TAGS } from "@/lib/articles/tags";
import { chinaLocalInput, fromChinaLocalInput } from "@/lib/admin/china-time";
import { ScheduleField } from "@/components/admin/schedule-field";
import { PreviewLink } from "@/components/admin/preview-link";

import type { ArticleForAdmin } from "@/lib/articles/admin";

export type PostDraft = Pick<ArticleForAdmin, "slug" | "title" | "priceCents" | "markdown" | "published" | "tags"> & {
  /** ISO time of a scheduled publication still to come, else null. */
  publishAt?: string | null;
};

const empty = (priceCents: number): PostDraft => ({
  slug: "",
  title: "",
  priceCents,
  markdown: "公开的开头……\n\n<!-- more -->\n\n付费后可见的正文……",
  published: false,
  tags: [],
});
const input = "mt-1 w-full rounded-lg border border-stone-300 px-3 py-2";

/** Create (no `initial`, price from the site settings) or edit a post; the price is typed in yuan and sent as cents. */
export function PostEditor({ initial, defaultPriceCents = 100 }: { initial?: PostDraft; defaultPriceCents?: number }) {
  const router = useRouter();
  const [draft, setDraft] = useState<PostDraft>(() => initial ?? empty(defaultPriceCents));
  const [price, setPrice] = useState(formatCents(initial?.priceCents ?? defaultPriceCents));
  const [tagText, setTagText] = useState((initial?.tags ?? []).join(", "));
  const [schedule, setSchedule] = useState(initial?.publishAt ? chinaLocalInput(new Date(initial.publishAt)) : "");
  const scheduled = schedule !== "" && new Date(fromChinaLocalInput(schedule)) > new Date();
  const text = useRef<HTMLTextAreaElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const priceCents = yuanToCents(price);
  const set = <K extends keyof PostDraft>(k: K, v: PostDraft[K]) => setDraft((d) => ({ ...d, [k]: v }));

  /** Puts an uploaded image's Markdown where the cursor is (or at the end). */
  function insertImage(url: string, name: string) {
    const at = text.current?.selectionStart ?? draft.markdown.length;
    const alt = name.replace(/\.[a-z0-9]+$/i, "").replace(/[[\]]/g, "");
    const snippet = `\n\n![${alt}](${url})\n\n`;
    set("markdown", draft.markdown.slice(0, at) + snippet + draft.markdown.slice(at));
  }

  const actions: [string, boolean, string][] = [
    [scheduled ? "定时发布" : initial?.published && !initial.publishAt ? "保存" : "发布", true, "bg-emerald-600 text-white"],
    [initial?.published ? "保存并下架" : "存为草稿", false, "bg-stone-200"],
  ];

  async function save(published: boolean) {
    if (priceCents === null) return setError("价格格式不对：请填写元，例如 1 或 0.99。");
    setBusy(true);
    setError(null);
    const body = {
      ...draft,
      priceCents,
      published,
      tags: splitTagInput(tagText),
      publishAt: schedule ? fromChinaLocalInput(schedule) : null,
    };
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
            标签（最多 {MAX_TAGS} 个，用逗号或空格分隔）
            <input className={input} value={tagText} placeholder="例如：生活, 读书" onChange={(e) => setTagText(e.target.value)} />
          </label>
          <ScheduleField value={schedule} onChange={setSchedule} />
          <ImageUpload label="插入图片" onUploaded={(img, name) => insertImage(img.url, name)} />
          <label className="block text-sm">
            正文（Markdown，用单独一行 <code>&lt;!-- more --&gt;</code> 分隔公开部分与付费部分）
            <textarea
              ref={text}
              className={`${input} h-80 font-mono text-sm`}
              value={draft.markdown}
              onChange={(e) => set("markdown", e.target.value)}
            />
          </label>
          {initial && (!initial.published || initial.publishAt) && <PreviewLink slug={initial.slug} />}
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
