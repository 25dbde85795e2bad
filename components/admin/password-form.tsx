"use client";
import { useState } from "react";
import { adminSend } from "@/lib/swr/use-admin";
import { ApiError } from "@/lib/client/api";

export function PasswordForm({ onChanged }: { onChanged: () => void }) {
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    if (data.get("password") !== data.get("confirm")) {
      setMsg({ ok: false, text: "两次输入的新密码不一致。" });
      return;
    }
    try {
      await adminSend("POST", "/api/admin/password", { current: data.get("current"), password: data.get("password") });
      form.reset();
      setMsg({ ok: true, text: "密码已修改，其他设备上的登录已全部退出。" });
      onChanged();
    } catch (err) {
      setMsg({ ok: false, text: err instanceof ApiError ? err.message : "修改失败" });
    }
  }
  const input = "mt-1 w-full rounded border border-stone-300 px-2 py-1";
  return (
    <form onSubmit={submit} className="grid gap-3 text-sm sm:grid-cols-3">
      <label>
        当前密码
        <input name="current" type="password" autoComplete="current-password" required className={input} />
      </label>
      <label>
        新密码（至少 8 个字符）
        <input name="password" type="password" autoComplete="new-password" required minLength={8} className={input} />
      </label>
      <label>
        再输入一次
        <input name="confirm" type="password" autoComplete="new-password" required minLength={8} className={input} />
      </label>
      <div className="sm:col-span-3">
        <button className="rounded-lg bg-stone-900 px-4 py-1.5 text-white">修改密码</button>
        {msg && (
          <p role={msg.ok ? "status" : "alert"} className={`mt-2 ${msg.ok ? "text-emerald-700" : "text-red-600"}`}>
            {msg.text}
          </p>
        )}
      </div>
    </form>
  );
}
