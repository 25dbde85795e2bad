"use client";
import Link from "next/link";
import { useAdmin, adminAction, adminSend } from "@/lib/swr/use-admin";
import { formatCents } from "@/lib/money";
import { Card } from "@/components/admin/card";
import { Notice } from "@/components/admin/notice";
import type { Json } from "@/lib/client/api";
import type { AdminArticleRow as ServerRow } from "@/lib/articles/admin";

type AdminArticleRow = Json<ServerRow>;

export function PostList() {
  const { data, error, mutate } = useAdmin<{ items: AdminArticleRow[] }>("/api/admin/articles");
  const toggle = (row: AdminArticleRow) =>
    adminAction(() => adminSend("PATCH", `/api/admin/articles/${row.slug}`, { published: !row.published }), mutate);
  const remove = (row: AdminArticleRow) =>
    adminAction(async () => {
      if (confirm(`确定删除「${row.title}」？此操作不能撤销。`)) await adminSend("DELETE", `/api/admin/articles/${row.slug}`);
    }, mutate);
  return (
    <Card
      title="文章"
      action={
        <Link href="/admin/posts/new" className="rounded-lg bg-stone-900 px-3 py-1.5 text-sm text-white">
          写文章
        </Link>
      }
    >
      <Notice error={error} />
      {data?.items.length === 0 && <p className="text-sm text-stone-500">还没有文章。</p>}
      <ul className="divide-y divide-stone-100">
        {data?.items.map((a) => (
          <li key={a.slug} className="flex flex-wrap items-center gap-2 py-2">
            <Link href={`/admin/posts/${a.slug}`} className="min-w-0 flex-1 truncate font-medium hover:underline">
              {a.title}
            </Link>
            <span className="text-sm text-stone-500">{a.priceCents ? `¥${formatCents(a.priceCents)}` : "免费"}</span>
            <StateBadge row={a} />
            {a.demo && (
              <span
                className="rounded bg-sky-100 px-1.5 text-xs text-sky-800"
                title="演示文章：演示模式下可以用「模拟付款」解锁；编辑后变为你自己的文章"
              >
                演示
              </span>
            )}
            <button type="button" onClick={() => toggle(a)} className="text-sm text-stone-600 underline">
              {a.published ? "下架" : "发布"}
            </button>
            {a.published && !isScheduled(a) && (
              <Link href={`/posts/${a.slug}`} className="text-sm text-stone-600 underline">
                查看
              </Link>
            )}
            <button type="button" onClick={() => remove(a)} className="text-sm text-red-600 underline">
              删除
            </button>
          </li>
        ))}
      </ul>
    </Card>
  );
}

const isScheduled = (a: AdminArticleRow) => a.published && !!a.publishedAt && new Date(a.publishedAt) > new Date();

/** 已发布 / 定时（with the time, China time） / 草稿. */
function StateBadge({ row }: { row: AdminArticleRow }) {
  if (isScheduled(row)) {
    const at = new Date(row.publishedAt!).toLocaleString("zh-CN", {
      timeZone: "Asia/Shanghai",
      month: "numeric",
      day: "numeric",
      hour: "2-digit",
      minute: "2-digit",
    });
    return <span className="rounded bg-amber-100 px-1.5 text-xs text-amber-800">定时 {at}</span>;
  }
  return (
    <span className={`rounded px-1.5 text-xs ${row.published ? "bg-emerald-100 text-emerald-800" : "bg-stone-200 text-stone-600"}`}>
      {row.published ? "已发布" : "草稿"}
    </span>
  );
}
