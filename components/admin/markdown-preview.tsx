"use client";
import { useEffect, useState } from "react";
import { adminSend } from "@/lib/swr/use-admin";

interface Preview {
  teaserHtml: string;
  bodyHtml: string;
}

/** Rendered on the server by the readers' sanitiser, so the preview is what they will see. */
export function MarkdownPreview({ markdown, priceCents }: { markdown: string; priceCents: number }) {
  const [preview, setPreview] = useState<Preview | null>(null);
  useEffect(() => {
    let live = true;
    const t = setTimeout(() => {
      adminSend<Preview>("POST", "/api/admin/preview", { markdown, priceCents }).then(
        (p) => live && setPreview(p),
        () => {},
      );
    }, 300);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [markdown, priceCents]);
  if (!preview) return <p className="text-sm text-stone-400">预览加载中…</p>;
  return (
    <div aria-label="预览" className="text-sm">
      <div className="prose-article" dangerouslySetInnerHTML={{ __html: preview.teaserHtml }} />
      {priceCents > 0 && (
        <p className="my-3 border-y border-dashed border-orange-300 py-1 text-center text-xs text-orange-700">
          以下为付费内容（读者付款后可见）
        </p>
      )}
      <div className="prose-article" dangerouslySetInnerHTML={{ __html: preview.bodyHtml }} />
    </div>
  );
}
