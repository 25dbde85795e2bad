"use client";
import { adminSend } from "@/lib/swr/use-admin";
import { Field, Form, Input, SubmitRow, useFormAction } from "@/components/admin/kit/forms";

export function LoginForm({ next }: { next: string }) {
  const form = useFormAction("登录失败，请重试。");
  const submit = form.submit(async (data) => {
    await adminSend("POST", "/api/admin/login", { password: String(data.get("password") ?? "") });
    // A full navigation so the server-side guard sees the new cookie.
    window.location.assign(next);
  });
  return (
    <Form layout="stack" onSubmit={submit}>
      <Field label={<span className="text-sm text-stone-600">管理密码</span>} stacked>
        <Input name="password" type="password" autoComplete="current-password" required autoFocus />
      </Field>
      <SubmitRow form={form} label="登录" pending="正在登录…" wide />
    </Form>
  );
}
