"use client";
import { useState } from "react";
import { useAdmin, adminSend } from "@/lib/swr/use-admin";
import { ApiError } from "@/lib/client/api";
import { formatCents, yuanToCents } from "@/lib/money";
import { CHANNEL_ORDERS, CHANNEL_ORDER_LABEL } from "@/lib/settings/channel-order";
import type { SiteSettings } from "@/lib/settings/schema";
import { Card } from "@/components/admin/card";
import { Notice } from "@/components/admin/notice";
import { ImageUpload } from "@/components/admin/image-upload";

const input = "mt-1 w-full rounded-lg border border-stone-300 px-3 py-2";

type TextKey = "siteName" | "description" | "author" | "logoUrl" | "footerText" | "icp" | "psb" | "siteUrl";
const TEXT_FIELDS: [TextKey, string, string][] = [
  ["siteName", "站点名称", "显示在页面标题、顶栏、分享卡片和 RSS 里"],
  ["description", "站点简介", "搜索结果和分享卡片里的描述"],
  ["author", "作者", "留空则用站点名称"],
  ["siteUrl", "站点网址", "例如 https://blog.example.com；用于 RSS、站点地图和分享链接。留空则用访问时的地址"],
  ["icp", "ICP 备案号", "例如 京ICP备12345678号-1，页脚显示并链接到 beian.miit.gov.cn"],
  ["psb", "公安备案号", "例如 京公网安备11010502030143号，页脚显示并链接到公安备案查询"],
];

/** The owner's site settings (GET/PATCH /api/admin/settings). */
export function SettingsForm() {
  const { data, error, mutate } = useAdmin<SiteSettings>("/api/admin/settings");
  if (error) return <Notice error={error} feature="站点设置" />;
  if (!data) return <p className="text-sm text-stone-400">加载中…</p>;
  return <Editor initial={data} onSaved={(s) => void mutate(s, { revalidate: false })} />;
}

function Editor({ initial, onSaved }: { initial: SiteSettings; onSaved: (s: SiteSettings) => void }) {
  const [s, setS] = useState(initial);
  const [price, setPrice] = useState(formatCents(initial.defaultPriceCents));
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof SiteSettings>(k: K, v: SiteSettings[K]) => setS((x) => ({ ...x, [k]: v }));
  async function save(e: React.FormEvent) {
    e.preventDefault();
    const defaultPriceCents = yuanToCents(price);
    if (defaultPriceCents === null) return setMessage({ ok: false, text: "默认价格格式不对：请填写元，例如 1 或 0.99。" });
    setBusy(true);
    setMessage(null);
    try {
      const saved = await adminSend<SiteSettings>("PATCH", "/api/admin/settings", { ...s, defaultPriceCents });
      setS(saved);
      onSaved(saved);
      setMessage({ ok: true, text: "已保存。" });
    } catch (err) {
      setMessage({ ok: false, text: err instanceof ApiError ? err.message : "保存失败，请重试。" });
    } finally {
      setBusy(false);
    }
  }
  return (
    <Card title="站点设置">
      <form onSubmit={save} className="space-y-3 text-sm">
        {TEXT_FIELDS.map(([k, label, hint]) => (
          <div key={k}>
            <label className="block">
              {label}
              <input className={input} value={s[k]} aria-describedby={`hint-${k}`} onChange={(e) => set(k, e.target.value)} />
            </label>
            <p id={`hint-${k}`} className="text-xs text-stone-500">
              {hint}
            </p>
          </div>
        ))}
        <div>
          <label className="block">
            站点图标
            <input
              className={input}
              value={s.logoUrl}
              placeholder="上传一张方形图片，或填写图片网址"
              onChange={(e) => set("logoUrl", e.target.value)}
            />
          </label>
          <div className="mt-1 flex items-center gap-3">
            {/* eslint-disable-next-line @next/next/no-img-element */}
            {s.logoUrl && <img src={s.logoUrl} alt="当前站点图标" width={32} height={32} className="h-8 w-8 rounded object-cover" />}
            <ImageUpload label="上传图标" onUploaded={(img) => set("logoUrl", img.url)} />
          </div>
        </div>
        <label className="block">
          页脚文字
          <textarea className={`${input} h-20`} value={s.footerText} onChange={(e) => set("footerText", e.target.value)} />
        </label>
        <div className="grid gap-3 sm:grid-cols-2">
          <label className="block">
            新文章默认价格（元）
            <input className={input} inputMode="decimal" value={price} onChange={(e) => setPrice(e.target.value)} />
          </label>
          <label className="block">
            付款方式顺序
            <select
              className={input}
              value={s.channelOrder}
              onChange={(e) => set("channelOrder", e.target.value as SiteSettings["channelOrder"])}
            >
              {CHANNEL_ORDERS.map((o) => (
                <option key={o} value={o}>
                  {CHANNEL_ORDER_LABEL[o]}
                </option>
              ))}
            </select>
          </label>
          <p className="text-xs text-stone-500 sm:col-start-2">在微信内打开时总是微信优先（微信内无法打开支付宝）。</p>
          <label className="block">
            读者请求答复时限（小时）
            <input
              className={input}
              type="number"
              min={1}
              max={720}
              value={s.requestResponseHours}
              aria-describedby="hint-requestResponseHours"
              onChange={(e) => set("requestResponseHours", Number(e.target.value))}
            />
          </label>
          <p id="hint-requestResponseHours" className="self-end text-xs text-stone-500">
            读者在「我的购买」申请退款或反馈问题时，会看到你承诺在这个时间内答复。
          </p>
        </div>
        {message && (
          <p role={message.ok ? "status" : "alert"} className={message.ok ? "text-emerald-700" : "text-red-600"}>
            {message.text}
          </p>
        )}
        <button disabled={busy} className="rounded-lg bg-stone-900 px-4 py-2 text-white disabled:opacity-50">
          {busy ? "保存中…" : "保存设置"}
        </button>
      </form>
    </Card>
  );
}
