"use client";
import { useState } from "react";
import { adminSend } from "@/lib/swr/use-admin";
import { ApiError } from "@/lib/client/api";
import { ALERT_KINDS, ALERT_KIND_LABEL, type AlertKind } from "@/lib/alerts/kind-labels";
import { EVENT_LABEL, EVENT_TYPES } from "@/lib/alerts/events";

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

export function AlertForm({ onCreated }: { onCreated: (secret: string | null) => void }) {
  const [kind, setKind] = useState<AlertKind>("bark");
  const [error, setError] = useState<string | null>(null);
  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    const body: Record<string, unknown> = {
      kind,
      name: data.get("name") || undefined,
      events: data.getAll("events"),
      allowPrivate: data.get("allowPrivate") === "on",
    };
    for (const f of FIELDS[kind]) {
      const v = String(data.get(f.name) ?? "").trim();
      if (v) body[f.name] = f.type === "number" ? Number(v) : v;
    }
    setError(null);
    try {
      const res = await adminSend<{ secret?: string }>("POST", "/api/admin/alerts", body);
      form.reset();
      onCreated(res.secret ?? null);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : "添加失败");
    }
  }
  const input = "mt-1 w-full rounded border border-stone-300 px-2 py-1";
  return (
    <form onSubmit={submit} className="space-y-3 text-sm">
      <div className="grid gap-3 sm:grid-cols-2">
        <label>
          方式
          <select value={kind} onChange={(e) => setKind(e.target.value as AlertKind)} className={input}>
            {ALERT_KINDS.map((k) => (
              <option key={k} value={k}>
                {ALERT_KIND_LABEL[k]}
              </option>
            ))}
          </select>
        </label>
        <label>
          名称（可选）
          <input name="name" maxLength={60} placeholder={ALERT_KIND_LABEL[kind]} className={input} />
        </label>
        {FIELDS[kind].map((f) => (
          <label key={`${kind}-${f.name}`}>
            {f.label}
            <input
              name={f.name}
              type={f.type === "password" ? "password" : f.type === "number" ? "number" : "text"}
              required={!f.optional}
              placeholder={f.placeholder}
              autoComplete="off"
              className={input}
            />
          </label>
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
        <label className="flex items-start gap-2">
          <input type="checkbox" name="allowPrivate" className="mt-1" />
          <span>
            允许内网地址
            <span className="block text-xs text-stone-500">
              只有接收端在本机或局域网（如自建 bark-server、内网机器人）时才勾选；否则只会发往公网地址。
            </span>
          </span>
        </label>
      )}
      {kind === "dingtalk" && (
        <p className="text-xs text-stone-500">钉钉机器人若使用「自定义关键词」安全设置，请把关键词设为「付费阅读」。</p>
      )}
      {kind === "webhook" && (
        <p className="text-xs text-stone-500">签名密钥由服务器生成，只在添加后显示一次；请求按 Standard Webhooks 签名。</p>
      )}
      <button className="rounded-lg bg-stone-900 px-4 py-1.5 text-white">添加提醒</button>
      {error && (
        <p role="alert" className="text-red-600">
          {error}
        </p>
      )}
    </form>
  );
}
