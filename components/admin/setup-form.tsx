"use client";
import { useState } from "react";
import { send, ApiError } from "@/lib/client/api";

/** First-run password form; on success the owner lands in the go-live walkthrough. */
export function SetupForm({ token, minLength }: { token: string; minLength: number }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const password = String(form.get("password") ?? "");
    if (password !== String(form.get("confirm") ?? "")) {
      setError("两次输入的密码不一致。");
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await send("POST", "/api/admin/setup", { token, password });
      // A full navigation on purpose: the server-side page guard must run with the new cookie.
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination
      window.location.assign("/admin/go-live");
    } catch (err) {
      setError(err instanceof ApiError ? err.message : "设置失败，请重试。");
      setBusy(false);
    }
  }
  const field = "mt-1 w-full rounded-lg border border-stone-300 px-3 py-2";
  return (
    <form onSubmit={submit} className="space-y-4">
      <p className="text-sm text-stone-600">
        这是首次运行的一次性设置链接。设置后链接失效，以后用这个密码登录 <code>/admin</code>。密码只以 argon2 哈希保存。
      </p>
      <label className="block">
        <span className="text-sm text-stone-600">新的管理密码（至少 {minLength} 个字符）</span>
        <input name="password" type="password" autoComplete="new-password" required minLength={minLength} autoFocus className={field} />
      </label>
      <label className="block">
        <span className="text-sm text-stone-600">再输入一次</span>
        <input name="confirm" type="password" autoComplete="new-password" required minLength={minLength} className={field} />
      </label>
      {error && (
        <p role="alert" className="text-sm text-red-600">
          {error}
        </p>
      )}
      <button disabled={busy} className="w-full rounded-lg bg-stone-900 py-2 font-medium text-white disabled:opacity-50">
        {busy ? "正在保存…" : "保存并进入后台"}
      </button>
    </form>
  );
}
