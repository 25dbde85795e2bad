"use client";
import { useState } from "react";
import { adminSend } from "@/lib/swr/use-admin";
import { ApiError } from "@/lib/client/api";

export function LoginForm({ next }: { next: string }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const password = String(new FormData(e.currentTarget).get("password") ?? "");
    try {
      await adminSend("POST", "/api/admin/login", { password });
      // A full navigation so the server-side guard sees the new cookie.
      window.location.assign(next);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : "登录失败，请重试。");
      setBusy(false);
    }
  }
  return (
    <form onSubmit={submit} className="space-y-4">
      <label className="block">
        <span className="text-sm text-stone-600">管理密码</span>
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          required
          autoFocus
          className="mt-1 w-full rounded-lg border border-stone-300 px-3 py-2"
        />
      </label>
      {error && (
        <p role="alert" className="text-sm text-red-600">
          {error}
        </p>
      )}
      <button disabled={busy} className="w-full rounded-lg bg-stone-900 py-2 font-medium text-white disabled:opacity-50">
        {busy ? "正在登录…" : "登录"}
      </button>
    </form>
  );
}
