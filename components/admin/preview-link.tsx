"use client";
import { useState } from "react";
import { adminSend } from "@/lib/swr/use-admin";
import { Button } from "@/components/admin/kit";
import { FormMessage, Input, useFormAction } from "@/components/admin/kit/forms";

/** 预览链接 for a draft or scheduled post: make (or show again) the link to share, or revoke it. */
export function PreviewLink({ slug }: { slug: string }) {
  const [url, setUrl] = useState<string | null>(null);
  const form = useFormAction();
  const path = `/api/admin/articles/${encodeURIComponent(slug)}/preview-link`;
  const make = () => form.run(async () => setUrl((await adminSend<{ url: string }>("POST", path)).url));
  const revoke = () =>
    form.run(async () => {
      await adminSend("DELETE", path);
      setUrl(null);
      return "已撤销：旧链接立即失效。再点「预览链接」会生成新的链接。";
    });
  return (
    <div className="space-y-1 rounded-lg border border-stone-200 p-3 text-sm" data-testid="preview-link">
      <div className="flex flex-wrap items-center gap-2">
        <Button tone="secondary" disabled={form.busy} onClick={make}>
          预览链接
        </Button>
        {url && (
          <Button tone="danger" disabled={form.busy} onClick={revoke}>
            撤销链接
          </Button>
        )}
        <span className="text-xs text-stone-500">草稿或定时发布的文章可以分享给别人先看全文（不能付款，不会被搜索引擎收录）。</span>
      </div>
      {url && <Input readOnly aria-label="预览链接" className="font-mono text-xs" value={url} onFocus={(e) => e.target.select()} />}
      <FormMessage error={form.error} message={form.message} />
    </div>
  );
}
