"use client";
import { useState } from "react";

export function CopyField({ value, label = "恢复链接" }: { value: string; label?: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="mt-2 flex gap-2">
      <input
        readOnly
        value={value}
        aria-label={label}
        className="min-w-0 flex-1 rounded border border-stone-300 px-2 py-1 text-sm"
        onFocus={(e) => e.target.select()}
      />
      <button
        type="button"
        className="rounded bg-stone-900 px-3 py-1 text-sm text-white"
        onClick={() =>
          navigator.clipboard?.writeText(value).then(
            () => setCopied(true),
            () => setCopied(false),
          )
        }
      >
        {copied ? "已复制" : "复制"}
      </button>
    </div>
  );
}
