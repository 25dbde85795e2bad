"use client";
import { useState } from "react";
import { ApiError, send } from "@/lib/client/api";
import { CopyField } from "@/components/copy-field";

/** 我的购买 → the reader's private feed URL: create, replace (the old one stops working) or switch off. */
export function PrivateFeed({ initialUrl, notice = null }: { initialUrl: string | null; notice?: string | null }) {
  const [url, setUrl] = useState(initialUrl);
  const [shown, setShown] = useState(notice);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function run(action: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : "操作失败，请重试。");
    } finally {
      setBusy(false);
    }
  }
  const issue = () => run(async () => (setUrl((await send<{ url: string }>("POST", "/api/me/feed", {})).url), setShown(null)));
  const revoke = () => run(async () => (await send("DELETE", "/api/me/feed", {}), setUrl(null)));
  return (
    <div className="mt-2 text-sm">
      {shown && url && (
        <p role="status" className="mb-2 rounded bg-amber-50 p-3 text-amber-900" data-testid="feed-rotated">
          {shown}
        </p>
      )}
      {url ? (
        <>
          <CopyField value={url} label="私人订阅地址" />
          <div className="mt-2 flex gap-4">
            <button
              type="button"
              disabled={busy}
              onClick={() => confirm("生成新地址后，旧地址立即失效。继续？") && issue()}
              className="underline"
            >
              重新生成
            </button>
            <button type="button" disabled={busy} onClick={revoke} className="text-red-600 underline">
              停用
            </button>
          </div>
        </>
      ) : (
        <button type="button" disabled={busy} onClick={issue} className="rounded bg-stone-900 px-3 py-1.5 text-white disabled:opacity-50">
          生成私人订阅地址
        </button>
      )}
      {error && (
        <p role="alert" className="mt-2 text-red-600">
          {error}
        </p>
      )}
    </div>
  );
}
