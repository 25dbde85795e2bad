"use client";
import { useState } from "react";
import { adminSend } from "@/lib/swr/use-admin";
import { ApiError } from "@/lib/client/api";

/** 预览链接 for a draft or scheduled post: make (or show again) the link to share, or revoke it. */
export function PreviewLink({ slug }: { slug: string }) {
  const [url, setUrl] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const path = `/api/admin/articles/${encodeURIComponent(slug)}/preview-link`;
  async function run(method: "POST" | "DELETE") {
    setMessage(null);
    try {
      if (method === "POST") setUrl((await adminSend<{ url: string }>("POST", path)).url);
      else {
        await adminSend("DELETE", path);
        setUrl(null);
        setMessage("已撤销：旧链接立即失效。再点「预览链接」会生成新的链接。");
      }
    } catch (e) {
      setMessage(e instanceof ApiError ? e.message : "操作失败，请重试。");
    }
  }
  return (
    <div className="space-y-1 rounded-lg border border-stone-200 p-3 text-sm" data-testid="preview-link">
      <div className="flex flex-wrap items-center gap-2">
        <button type="button" className="rounded-lg bg-stone-200 px-3 py-1.5" onClick={() => run("POST")}>
          预览链接
        </button>
        {url && (
          <button type="button" className="text-red-600 underline" onClick={() => run("DELETE")}>
            撤销链接
          </button>
        )}
        <span className="text-xs text-stone-500">草稿或定时发布的文章可以分享给别人先看全文（不能付款，不会被搜索引擎收录）。</span>
      </div>
      {url && (
        <input
          readOnly
          aria-label="预览链接"
          className="w-full rounded border border-stone-300 px-2 py-1 font-mono text-xs"
          value={url}
          onFocus={(e) => e.target.select()}
        />
      )}
      {message && <p role="status">{message}</p>}
    </div>
  );
}
