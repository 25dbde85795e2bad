"use client";
import { useState } from "react";
import { adminSend, useAdmin } from "@/lib/swr/use-admin";
import { formatCents, yuanToCents } from "@/lib/money";
import type { Json } from "@/lib/client/api";
import type { AdminArticleRow } from "@/lib/articles/admin";
import type { SeriesForAdmin } from "@/lib/series/admin";
import { FormError, inputClass, useFormAction } from "@/components/admin/form-error";

interface SeriesFormProps {
  /** The series being edited, or null for a new one. */
  editing: Json<SeriesForAdmin> | null;
  onSaved: () => unknown;
}

/** Create or edit a series: its posts are slugs, one per line, in reading order. */
export function SeriesForm({ editing, onSaved }: SeriesFormProps) {
  const articles = useAdmin<{ items: Json<AdminArticleRow>[] }>("/api/admin/articles");
  const [slugs, setSlugs] = useState(editing?.articleSlugs.join("\n") ?? "");
  const form = useFormAction();
  const list = slugs
    .split("\n")
    .map((s) => s.trim())
    .filter(Boolean);
  const removed = editing ? editing.articleSlugs.filter((s) => !list.includes(s)) : [];

  async function save(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const body = {
      slug: String(f.get("slug")),
      title: String(f.get("title")),
      description: String(f.get("description")),
      priceCents: yuanToCents(String(f.get("price"))) ?? -1,
      articleSlugs: list,
      published: f.get("published") === "on",
    };
    if (
      removed.length &&
      editing &&
      editing.owners > 0 &&
      !confirm(`已有 ${editing.owners} 位读者购买了这个专栏，移除的文章将对他们重新上锁。确定保存？`)
    )
      return;
    const ok = await form.run(() =>
      editing ? adminSend("PATCH", `/api/admin/series/${editing.slug}`, body) : adminSend("POST", "/api/admin/series", body),
    );
    if (ok) await onSaved();
  }

  return (
    <form onSubmit={save} className="grid gap-3 text-sm" key={editing?.slug ?? "new"}>
      <div className="flex flex-wrap gap-3">
        <label>
          slug
          <input name="slug" required defaultValue={editing?.slug} placeholder="my-series" className={`ml-1 ${inputClass}`} />
        </label>
        <label>
          标题
          <input name="title" required maxLength={200} defaultValue={editing?.title} className={`ml-1 ${inputClass}`} />
        </label>
        <label>
          价格（元）
          <input
            name="price"
            required
            inputMode="decimal"
            defaultValue={editing ? formatCents(editing.priceCents) : ""}
            placeholder="19.90"
            className={`ml-1 w-24 ${inputClass}`}
          />
        </label>
        <label className="flex items-center gap-1">
          <input name="published" type="checkbox" defaultChecked={editing?.published ?? true} /> 公开
        </label>
      </div>
      <label>
        简介
        <textarea
          name="description"
          rows={2}
          maxLength={2000}
          defaultValue={editing?.description}
          className={`mt-1 block w-full ${inputClass}`}
        />
      </label>
      <label>
        文章（slug，每行一个，按阅读顺序；以后加入的文章对已购读者自动解锁）
        <textarea
          value={slugs}
          onChange={(e) => setSlugs(e.target.value)}
          rows={5}
          className={`mt-1 block w-full font-mono ${inputClass}`}
        />
      </label>
      <div className="flex flex-wrap gap-1">
        {articles.data?.items
          .filter((a) => !list.includes(a.slug))
          .map((a) => (
            <button
              key={a.slug}
              type="button"
              onClick={() => setSlugs([...list, a.slug].join("\n"))}
              className="rounded bg-stone-100 px-2 py-0.5 hover:bg-stone-200"
            >
              + {a.title}
            </button>
          ))}
      </div>
      {removed.length > 0 && (
        <p className="text-amber-700">将移出专栏：{removed.join("、")}（已购买专栏的读者将不能再阅读这些文章，除非另外购买）</p>
      )}
      <div>
        <button disabled={form.busy} className="rounded-lg bg-stone-900 px-4 py-1.5 text-white disabled:opacity-50">
          {editing ? "保存" : "创建专栏"}
        </button>
      </div>
      <FormError error={form.error} />
    </form>
  );
}
