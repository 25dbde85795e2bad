"use client";
import { send } from "@/lib/client/api";
import { Form, FormProblem, SubmitRow, TextField, useFormAction } from "@/components/admin/kit/forms";

/** First-run password form; on success the owner lands in the go-live walkthrough. */
export function SetupForm({ token, minLength }: { token: string; minLength: number }) {
  const form = useFormAction("设置失败，请重试。");
  const submit = form.submit(async (data) => {
    const password = String(data.get("password") ?? "");
    if (password !== String(data.get("confirm") ?? "")) throw new FormProblem("两次输入的密码不一致。");
    await send("POST", "/api/admin/setup", { token, password });
    // A full navigation on purpose: the server-side page guard must run with the new cookie.
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination
    window.location.assign("/admin/go-live");
  });
  const label = (text: string) => <span className="text-sm text-stone-600">{text}</span>;
  return (
    <Form layout="stack" onSubmit={submit}>
      <p className="text-sm text-stone-600">
        这是首次运行的一次性设置链接。设置后链接失效，以后用这个密码登录 <code>/admin</code>。密码只以 argon2 哈希保存。
      </p>
      <TextField
        label={label(`新的管理密码（至少 ${minLength} 个字符）`)}
        stacked
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={minLength}
        autoFocus
      />
      <TextField
        label={label("再输入一次")}
        stacked
        name="confirm"
        type="password"
        autoComplete="new-password"
        required
        minLength={minLength}
      />
      <SubmitRow form={form} label="保存并进入后台" pending="正在保存…" wide />
    </Form>
  );
}
