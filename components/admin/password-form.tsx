"use client";
import { adminSend } from "@/lib/swr/use-admin";
import { Form, FormProblem, SubmitRow, TextField, useFormAction } from "@/components/admin/kit/forms";

export function PasswordForm({ onChanged }: { onChanged: () => void }) {
  const form = useFormAction("修改失败");
  const submit = form.submit(
    async (data) => {
      if (data.get("password") !== data.get("confirm")) throw new FormProblem("两次输入的新密码不一致。");
      await adminSend("POST", "/api/admin/password", { current: data.get("current"), password: data.get("password") });
      onChanged();
      return "密码已修改，其他设备上的登录已全部退出。";
    },
    { reset: true },
  );
  return (
    <Form layout="grid" className="sm:grid-cols-3" onSubmit={submit}>
      <TextField label="当前密码" stacked name="current" type="password" autoComplete="current-password" required />
      <TextField
        label="新密码（至少 8 个字符）"
        stacked
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={8}
      />
      <TextField label="再输入一次" stacked name="confirm" type="password" autoComplete="new-password" required minLength={8} />
      <div className="space-y-2 sm:col-span-3">
        <SubmitRow form={form} label="修改密码" />
      </div>
    </Form>
  );
}
