"use client";
import { useState } from "react";
import { adminSend } from "@/lib/swr/use-admin";
import { ALERT_KINDS, ALERT_KIND_LABEL, type AlertKind } from "@/lib/alerts/kind-labels";
import { EVENT_LABEL, EVENT_TYPES } from "@/lib/alerts/events";
import { Check, Form, Note, SelectField, SubmitRow, TextField, useFormAction } from "@/components/admin/kit/forms";

type Field = { name: string; label: string; placeholder?: string; optional?: boolean; type?: "password" | "number" | "checkbox" };

/** The settings each kind asks for; names match the API's fields. */
const FIELDS: Record<AlertKind, Field[]> = {
  bark: [
    { name: "deviceKey", label: "设备 Key（Bark App 首页网址中的那段）", type: "password" },
    { name: "server", label: "服务器（自建 bark-server 时填写）", placeholder: "https://api.day.app", optional: true },
  ],
  serverchan: [{ name: "sendKey", label: "SendKey（sct.ftqq.com 获取）", type: "password" }],
  telegram: [
    { name: "botToken", label: "机器人 Token（@BotFather 获取）", type: "password" },
    { name: "chatId", label: "Chat ID" },
    { name: "apiBase", label: "API 地址（使用反向代理时填写）", placeholder: "https://api.telegram.org", optional: true },
  ],
  wecom: [{ name: "url", label: "Webhook 地址", placeholder: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…", type: "password" }],
  dingtalk: [
    { name: "url", label: "Webhook 地址", placeholder: "https://oapi.dingtalk.com/robot/send?access_token=…", type: "password" },
    { name: "secret", label: "加签密钥（SEC 开头，选「加签」安全设置时填写）", optional: true, type: "password" },
  ],
  feishu: [
    { name: "url", label: "Webhook 地址", placeholder: "https://open.feishu.cn/open-apis/bot/v2/hook/…", type: "password" },
    { name: "secret", label: "签名校验密钥（开启「签名校验」时填写）", optional: true, type: "password" },
  ],
  email: [
    { name: "host", label: "SMTP 服务器", placeholder: "smtp.qq.com" },
    { name: "port", label: "端口", placeholder: "465", type: "number", optional: true },
    { name: "user", label: "用户名", optional: true },
    { name: "pass", label: "密码 / 授权码", type: "password", optional: true },
    { name: "from", label: "发件人", placeholder: "you@qq.com" },
    { name: "to", label: "收件人", placeholder: "you@qq.com" },
  ],
  webhook: [{ name: "url", label: "接收地址", placeholder: "https://example.com/hooks/paywall" }],
};

const DEFAULT_EVENTS: readonly string[] = EVENT_TYPES.filter((e) => e !== "payment.matched");
const KIND_OPTIONS = ALERT_KINDS.map((k) => [k, ALERT_KIND_LABEL[k]] as const);

export function AlertForm({ onCreated }: { onCreated: (secret: string | null) => void }) {
  const [kind, setKind] = useState<AlertKind>("bark");
  const form = useFormAction("添加失败");
  const submit = form.submit(
    async (data) => {
      const body: Record<string, unknown> = { kind, name: data.get("name") || undefined, events: data.getAll("events") };
      body.allowPrivate = data.get("allowPrivate") === "on";
      for (const f of FIELDS[kind]) {
        const v = String(data.get(f.name) ?? "").trim();
        if (v) body[f.name] = f.type === "number" ? Number(v) : v;
      }
      onCreated((await adminSend<{ secret?: string }>("POST", "/api/admin/alerts", body)).secret ?? null);
    },
    { reset: true },
  );
  return (
    <Form layout="stack" onSubmit={submit}>
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField
          label="方式"
          stacked
          value={kind}
          onChange={(e) => setKind(ALERT_KINDS.find((k) => k === e.target.value) ?? "bark")}
          options={KIND_OPTIONS}
        />
        <TextField label="名称（可选）" stacked name="name" maxLength={60} placeholder={ALERT_KIND_LABEL[kind]} />
        {FIELDS[kind].map((f) => (
          <TextField
            key={`${kind}-${f.name}`}
            label={f.label}
            stacked
            name={f.name}
            type={f.type === "password" ? "password" : f.type === "number" ? "number" : "text"}
            required={!f.optional}
            placeholder={f.placeholder}
            autoComplete="off"
          />
        ))}
      </div>
      <fieldset>
        <legend className="mb-1">提醒哪些事件</legend>
        <div className="grid gap-1 sm:grid-cols-2">
          {EVENT_TYPES.map((t) => (
            <label key={t} className="flex items-start gap-2">
              <input type="checkbox" name="events" value={t} defaultChecked={DEFAULT_EVENTS.includes(t)} className="mt-1" />
              <span>
                {EVENT_LABEL[t]} <code className="text-xs text-stone-400">{t}</code>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      {kind !== "email" && (
        <div>
          <Check name="allowPrivate" label="允许内网地址" />
          <Note>只有接收端在本机或局域网（如自建 bark-server、内网机器人）时才勾选；否则只会发往公网地址。</Note>
        </div>
      )}
      {kind === "dingtalk" && <Note>钉钉机器人若使用「自定义关键词」安全设置，请把关键词设为「付费阅读」。</Note>}
      {kind === "webhook" && <Note>签名密钥由服务器生成，只在添加后显示一次；请求按 Standard Webhooks 签名。</Note>}
      <div>
        <SubmitRow form={form} label="添加提醒" />
      </div>
    </Form>
  );
}
