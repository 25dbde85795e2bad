"use client";
import { useState } from "react";
import { useAdmin, adminAction, adminSend } from "@/lib/swr/use-admin";
import { ApiError, type Json } from "@/lib/client/api";
import { Card } from "@/components/admin/card";
import { Notice } from "@/components/admin/notice";
import type { RedirectRow } from "@/lib/redirects/admin";

/** 旧链接跳转: imported permalinks and the owner's own, each answering 301 to its new address. */
export function RedirectManager() {
  const { data, error, mutate } = useAdmin<{ items: Json<RedirectRow>[] }>("/api/admin/redirects");
  const [formError, setFormError] = useState<string | null>(null);
  async function add(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    setFormError(null);
    try {
      await adminSend("POST", "/api/admin/redirects", { from: String(f.get("from") ?? ""), to: String(f.get("to") ?? "") });
      form.reset();
      await mutate();
    } catch (err) {
      setFormError(err instanceof ApiError ? err.message : "添加失败，请重试。");
    }
  }
  const remove = (r: Json<RedirectRow>) => adminAction(() => adminSend("DELETE", `/api/admin/redirects/${r.id}`), mutate);
  return (
    <Card title="旧链接跳转">
      <p className="text-sm text-stone-600">
        旧博客的地址（如 /2024/05/my-post/、/archives/123、/p/slug.html、/?p=123）以 301
        永久跳转到新文章，搜索引擎的收录和别人引用的链接都不会失效。导入时自动添加。
      </p>
      <form onSubmit={add} className="mt-2 grid gap-2 text-sm sm:grid-cols-[1fr_1fr_auto]">
        <input
          name="from"
          required
          placeholder="旧地址，如 /archives/123"
          aria-label="旧地址"
          className="rounded-lg border border-stone-300 px-3 py-1.5"
        />
        <input
          name="to"
          required
          placeholder="新文章的网址（slug）或 /开头的路径"
          aria-label="新地址"
          className="rounded-lg border border-stone-300 px-3 py-1.5"
        />
        <button className="rounded-lg bg-stone-900 px-4 py-1.5 text-white">添加跳转</button>
      </form>
      {formError && (
        <p role="alert" className="mt-1 text-sm text-red-600">
          {formError}
        </p>
      )}
      <Notice error={error} feature="跳转" />
      {data?.items.length === 0 && <p className="mt-2 text-sm text-stone-500">还没有跳转。</p>}
      <ul className="mt-2 divide-y divide-stone-100 text-sm">
        {data?.items.map((r) => (
          <li key={r.id} className="flex flex-wrap items-center gap-2 py-1.5">
            <code className="min-w-0 break-all">{r.fromPath}</code>
            <span className="text-stone-400">→</span>
            <span className="min-w-0 flex-1 break-all">
              {r.to}
              {r.title && <span className="text-stone-500">（{r.title}）</span>}
            </span>
            <span className="text-xs text-stone-500">{r.source === "import" ? "导入" : "手动"}</span>
            <button type="button" onClick={() => remove(r)} className="text-red-600 underline">
              删除
            </button>
          </li>
        ))}
      </ul>
    </Card>
  );
}
