"use client";
import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { mutate } from "swr";
import { adminSend } from "@/lib/swr/use-admin";
import { formatCents, yuanToCents } from "@/lib/money";
import { Button, Card, type ButtonTone } from "@/components/admin/kit";
import { Field, FormMessage, FormProblem, MoneyField, TextArea, TextField, useFormAction } from "@/components/admin/kit/forms";
import { MarkdownPreview } from "@/components/admin/markdown-preview";
import { ImageUpload } from "@/components/admin/image-upload";
import { splitTagInput, MAX_TAGS } from "@/lib/articles/tags";

import type { ArticleForAdmin } from "@/lib/articles/admin";

export type PostDraft = Pick<ArticleForAdmin, "slug" | "title" | "priceCents" | "markdown" | "published" | "tags">;

const empty = (priceCents: number): PostDraft => ({
  slug: "",
  title: "",
  priceCents,
  markdown: "公开的开头……\n\n<!-- more -->\n\n付费后可见的正文……",
  published: false,
  tags: [],
});

/** Create (no `initial`, price from the site settings) or edit a post; the price is typed in yuan and sent as cents. */
export function PostEditor({ initial, defaultPriceCents = 100 }: { initial?: PostDraft; defaultPriceCents?: number }) {
  const router = useRouter();
  const [draft, setDraft] = useState<PostDraft>(() => initial ?? empty(defaultPriceCents));
  const [price, setPrice] = useState(formatCents(initial?.priceCents ?? defaultPriceCents));
  const [tagText, setTagText] = useState((initial?.tags ?? []).join(", "));
  const text = useRef<HTMLTextAreaElement>(null);
  const form = useFormAction("保存失败，请重试。");
  // Stays disabled after saving while the list page loads: a second click would save twice.
  const [leaving, setLeaving] = useState(false);
  const priceCents = yuanToCents(price);
  const set = <K extends keyof PostDraft>(k: K, v: PostDraft[K]) => setDraft((d) => ({ ...d, [k]: v }));

  /** Puts an uploaded image's Markdown where the cursor is (or at the end). */
  function insertImage(url: string, name: string) {
    const at = text.current?.selectionStart ?? draft.markdown.length;
    const alt = name.replace(/\.[a-z0-9]+$/i, "").replace(/[[\]]/g, "");
    const snippet = `\n\n![${alt}](${url})\n\n`;
    set("markdown", draft.markdown.slice(0, at) + snippet + draft.markdown.slice(at));
  }

  const actions: [string, boolean, ButtonTone][] = [
    [initial?.published ? "保存" : "发布", true, "success"],
    [initial?.published ? "保存并下架" : "存为草稿", false, "secondary"],
  ];

  const save = (published: boolean) =>
    form.run(async () => {
      if (priceCents === null) throw new FormProblem("价格格式不对：请填写元，例如 1 或 0.99。");
      const body = { ...draft, priceCents, published, tags: splitTagInput(tagText) };
      const saved = initial
        ? await adminSend<PostDraft>("PATCH", `/api/admin/articles/${initial.slug}`, body)
        : await adminSend<PostDraft>("POST", "/api/admin/articles", body);
      await mutate("/api/admin/articles");
      setLeaving(true);
      router.push(`/admin/posts?saved=${encodeURIComponent(saved.slug)}`);
    });

  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Card title={initial ? "编辑文章" : "写文章"}>
        <div className="space-y-3 text-sm">
          <TextField label="标题" stacked value={draft.title} onChange={(e) => set("title", e.target.value)} />
          <div className="grid grid-cols-2 gap-3">
            <TextField
              label="网址（slug）"
              stacked
              value={draft.slug}
              placeholder="my-post"
              onChange={(e) => set("slug", e.target.value.toLowerCase())}
            />
            <MoneyField label="价格（元，0 为免费）" stacked value={price} onChange={(e) => setPrice(e.target.value)} />
          </div>
          <TextField
            label={`标签（最多 ${MAX_TAGS} 个，用逗号或空格分隔）`}
            stacked
            value={tagText}
            placeholder="例如：生活, 读书"
            onChange={(e) => setTagText(e.target.value)}
          />
          <ImageUpload label="插入图片" onUploaded={(img, name) => insertImage(img.url, name)} />
          <Field
            label={
              <>
                正文（Markdown，用单独一行 <code>&lt;!-- more --&gt;</code> 分隔公开部分与付费部分）
              </>
            }
            stacked
          >
            <TextArea ref={text} className="h-80 font-mono" value={draft.markdown} onChange={(e) => set("markdown", e.target.value)} />
          </Field>
          <FormMessage error={form.error} />
          <div className="flex flex-wrap gap-2">
            {actions.map(([label, published, tone]) => (
              <Button key={label} tone={tone} disabled={form.busy || leaving} onClick={() => save(published)}>
                {label}
              </Button>
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
