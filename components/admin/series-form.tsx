"use client";
import { useState } from "react";
import { adminSend, useAdmin } from "@/lib/swr/use-admin";
import type { Json } from "@/lib/client/api";
import type { AdminArticleRow } from "@/lib/articles/admin";
import type { SeriesForAdmin } from "@/lib/series/admin";
import { Check, Form, MoneyField, readCents, SubmitRow, TextAreaField, TextField, useFormAction } from "@/components/admin/kit/forms";

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

  const save = form.submit(async (f) => {
    const body = {
      slug: String(f.get("slug")),
      title: String(f.get("title")),
      description: String(f.get("description")),
      priceCents: readCents(f, "price") ?? -1,
      articleSlugs: list,
      published: f.get("published") === "on",
    };
    const losing = editing && removed.length > 0 && editing.owners > 0;
    if (losing && !confirm(`已有 ${editing.owners} 位读者购买了这个专栏，移除的文章将对他们重新上锁。确定保存？`)) return;
    await (editing ? adminSend("PATCH", `/api/admin/series/${editing.slug}`, body) : adminSend("POST", "/api/admin/series", body));
    await onSaved();
  });

  return (
    <Form layout="stack" onSubmit={save} key={editing?.slug ?? "new"}>
      <div className="flex flex-wrap gap-3">
        <TextField label="slug" name="slug" required defaultValue={editing?.slug} placeholder="my-series" />
        <TextField label="标题" name="title" required maxLength={200} defaultValue={editing?.title} />
        <MoneyField label="价格（元）" name="price" required defaultCents={editing?.priceCents} placeholder="19.90" className="w-24" />
        <Check name="published" defaultChecked={editing?.published ?? true} label="公开" />
      </div>
      <TextAreaField label="简介" name="description" rows={2} maxLength={2000} defaultValue={editing?.description} />
      <TextAreaField
        label="文章（slug，每行一个，按阅读顺序；以后加入的文章对已购读者自动解锁）"
        value={slugs}
        onChange={(e) => setSlugs(e.target.value)}
        rows={5}
        className="font-mono"
      />
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
        <SubmitRow form={form} label={editing ? "保存" : "创建专栏"} />
      </div>
    </Form>
  );
}
