"use client";
import { useState } from "react";
import { useAdmin, adminSend } from "@/lib/swr/use-admin";
import type { Json } from "@/lib/client/api";
import { ActionButton, Card, ItemList, Row, TimeText } from "@/components/admin/kit";
import { Form, TextField } from "@/components/admin/kit/forms";
import { PasswordForm } from "@/components/admin/password-form";
import type { SessionView } from "@/lib/auth/sessions";

const EXPORTS = [
  ["orders", "订单"],
  ["payments", "收款"],
  ["notifications", "通知日志"],
] as const;

export function SettingsView({ envPassword }: { envPassword: boolean }) {
  const { data, error, mutate } = useAdmin<{ items: Json<SessionView>[] }>("/api/admin/sessions");
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const range = new URLSearchParams({ ...(from ? { from } : {}), ...(to ? { to } : {}) }).toString();
  return (
    <>
      <Card title="管理密码">
        {envPassword ? (
          <p className="text-sm text-stone-600">
            当前密码由环境变量 <code>ADMIN_PASSWORD</code>{" "}
            决定：修改该变量后重启即可更换（所有登录随之失效）；删除它则改用在浏览器里设置的密码。
          </p>
        ) : (
          <PasswordForm onChanged={() => void mutate()} />
        )}
      </Card>
      <Card
        title="已登录的设备"
        action={
          <ActionButton
            tone="outline"
            className="text-sm"
            confirm="退出除本机以外的所有登录？"
            then={mutate}
            action={() => adminSend("DELETE", "/api/admin/sessions")}
          >
            退出其他设备
          </ActionButton>
        }
      >
        <ItemList items={data?.items} error={error} empty="没有已登录的设备。">
          {(s, i) => (
            <Row key={i} className="py-1.5">
              <span>
                登录于 <TimeText at={s.createdAt} />
              </span>
              <span className="text-stone-500">{s.ip ?? "—"}</span>
              <span className="truncate text-stone-400">{s.userAgent}</span>
              {s.current && <span className="font-medium text-emerald-700">本机</span>}
            </Row>
          )}
        </ItemList>
      </Card>
      <Card title="导出 CSV（Excel 可直接打开）">
        <Form onSubmit={(e) => e.preventDefault()}>
          <TextField label="从（北京时间，可空）" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
          <TextField label="到" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
          {EXPORTS.map(([name, label]) => (
            <a
              key={name}
              href={`/api/admin/export/${name}${range ? `?${range}` : ""}`}
              className="rounded-lg bg-stone-900 px-3 py-1.5 text-white"
              download
            >
              下载{label}
            </a>
          ))}
        </Form>
      </Card>
    </>
  );
}
