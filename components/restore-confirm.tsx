"use client";
import { useState } from "react";
import Link from "next/link";
import { ApiError, send } from "@/lib/client/api";

/**
 * 确认恢复: a same-origin JSON POST (a cross-site form cannot send one), then a
 * full navigation so every page renders with the new reader cookie.
 */
export function RestoreConfirm({ token }: { token: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await send("POST", "/api/restore", { token });
      // A full navigation on purpose: no page rendered for the old reader may stay in the router cache.
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination
      window.location.assign("/me?restored=1");
    } catch (e) {
      setError(e instanceof ApiError ? e.message : "恢复失败，请重试。");
      setBusy(false);
    }
  };
  return (
    <div className="mt-5">
      <div className="flex gap-3">
        <button type="button" onClick={confirm} disabled={busy} className="rounded bg-stone-900 px-4 py-2 text-white disabled:opacity-50">
          确认恢复
        </button>
        <Link href="/me" className="px-4 py-2 text-stone-600 underline">
          取消
        </Link>
      </div>
      {error && (
        <p role="alert" className="mt-3 rounded bg-red-50 p-3 text-sm text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}
