"use client";
import { useState } from "react";
import Link from "next/link";
import { useAdmin, adminAction, adminGet, adminSend } from "@/lib/swr/use-admin";
import { formatCents } from "@/lib/money";
import type { Json } from "@/lib/client/api";
import type { listSeriesForAdmin, SeriesForAdmin } from "@/lib/series/admin";
import { Card } from "@/components/admin/card";
import { Notice } from "@/components/admin/notice";
import { SeriesForm } from "@/components/admin/series-form";

type Row = Json<Awaited<ReturnType<typeof listSeriesForAdmin>>[number]>;

/** /admin/series: series (专栏) with their posts, readers who own them, and the editor. */
export function SeriesManager() {
  const { data, error, mutate } = useAdmin<{ items: Row[] }>("/api/admin/series");
  const [editing, setEditing] = useState<Json<SeriesForAdmin> | null>(null);
  const edit = (s: Row) =>
    adminAction(
      async () => setEditing(await adminGet<Json<SeriesForAdmin>>(`/api/admin/series/${s.slug}`)),
      () => {},
    );
  const remove = (s: Row) =>
    adminAction(async () => {
      if (confirm(`确定删除专栏「${s.title}」？文章本身不会被删除。`)) await adminSend("DELETE", `/api/admin/series/${s.slug}`);
    }, mutate);
  return (
    <>
      <Card title="专栏">
        <Notice error={error} />
        {data?.items.length === 0 && <p className="text-sm text-stone-500">还没有专栏。</p>}
        <ul className="divide-y divide-stone-100 text-sm">
          {data?.items.map((s) => (
            <li key={s.slug} className="flex flex-wrap items-center gap-2 py-2">
              <span className="min-w-0 flex-1 font-medium">{s.title}</span>
              <span>¥{formatCents(s.priceCents)}</span>
              <span className="text-stone-500">
                {s.posts} 篇 · {s.owners} 位读者
              </span>
              <span className={`rounded px-1.5 text-xs ${s.published ? "bg-emerald-100 text-emerald-800" : "bg-stone-200 text-stone-600"}`}>
                {s.published ? "公开" : "未公开"}
              </span>
              {s.published && (
                <Link href={`/series/${s.slug}`} className="text-stone-600 underline">
                  查看
                </Link>
              )}
              <button type="button" onClick={() => edit(s)} className="text-stone-600 underline">
                编辑
              </button>
              <button type="button" onClick={() => remove(s)} className="text-red-600 underline">
                删除
              </button>
            </li>
          ))}
        </ul>
      </Card>
      <Card
        title={editing ? `编辑专栏「${editing.title}」` : "新建专栏"}
        action={
          editing && (
            <button type="button" onClick={() => setEditing(null)} className="text-sm text-stone-600 underline">
              改为新建
            </button>
          )
        }
      >
        <SeriesForm
          key={editing?.slug ?? "new"}
          editing={editing}
          onSaved={async () => {
            setEditing(null);
            await mutate();
          }}
        />
      </Card>
    </>
  );
}
