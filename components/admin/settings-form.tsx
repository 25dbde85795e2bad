"use client";
import { useState } from "react";
import { useAdmin, adminSend } from "@/lib/swr/use-admin";
import { formatCents, yuanToCents } from "@/lib/money";
import { CHANNEL_ORDERS, CHANNEL_ORDER_LABEL } from "@/lib/settings/channel-order";
import type { SiteSettings } from "@/lib/settings/schema";
import { Card, Notice } from "@/components/admin/kit";
import {
  Check,
  Form,
  FormProblem,
  MoneyField,
  Note,
  SelectField,
  SubmitRow,
  TextAreaField,
  TextField,
  useFormAction,
} from "@/components/admin/kit/forms";
import { ImageUpload } from "@/components/admin/image-upload";

const ORDER_OPTIONS = CHANNEL_ORDERS.map((o) => [o, CHANNEL_ORDER_LABEL[o]] as const);

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
  const form = useFormAction("保存失败，请重试。");
  const set = <K extends keyof SiteSettings>(k: K, v: SiteSettings[K]) => setS((x) => ({ ...x, [k]: v }));
  const save = form.submit(async () => {
    const defaultPriceCents = yuanToCents(price);
    if (defaultPriceCents === null) throw new FormProblem("默认价格格式不对：请填写元，例如 1 或 0.99。");
    const saved = await adminSend<SiteSettings>("PATCH", "/api/admin/settings", { ...s, defaultPriceCents });
    setS(saved);
    onSaved(saved);
    return "已保存。";
  });
  return (
    <Card title="站点设置">
      <Form layout="stack" onSubmit={save}>
        {TEXT_FIELDS.map(([k, label, hint]) => (
          <TextField key={k} label={label} hint={hint} stacked value={s[k]} onChange={(e) => set(k, e.target.value)} />
        ))}
        <div>
          <TextField
            label="站点图标"
            stacked
            value={s.logoUrl}
            placeholder="上传一张方形图片，或填写图片网址"
            onChange={(e) => set("logoUrl", e.target.value)}
          />
          <div className="mt-1 flex items-center gap-3">
            {/* eslint-disable-next-line @next/next/no-img-element */}
            {s.logoUrl && <img src={s.logoUrl} alt="当前站点图标" width={32} height={32} className="h-8 w-8 rounded object-cover" />}
            <ImageUpload label="上传图标" onUploaded={(img) => set("logoUrl", img.url)} />
          </div>
        </div>
        <div>
          <Check
            checked={s.readerLine}
            onChange={(e) => set("readerLine", e.target.checked)}
            label="在付费正文末尾显示「本文仅供 读者 XXXXXX 阅读」"
          />
          <Note>读者编号对应购买记录，截图流传出去时可在「泄露追踪」里查到来源。正文里看不见的追踪记号始终开启，与此项无关。</Note>
        </div>
        <TextAreaField label="页脚文字" className="h-20" value={s.footerText} onChange={(e) => set("footerText", e.target.value)} />
        <div className="grid gap-3 sm:grid-cols-2">
          <MoneyField label="新文章默认价格（元）" stacked value={price} onChange={(e) => setPrice(e.target.value)} />
          <TextField
            label="默认试读字数"
            hint="导入的付费文章没有 <!-- more --> 分隔行时，公开前面约这么多字；0 表示全文付费"
            stacked
            inputMode="numeric"
            value={s.teaserChars}
            onChange={(e) => set("teaserChars", Number(e.target.value.replace(/\D/g, "")) || 0)}
          />
          <SelectField
            label="付款方式顺序"
            hint="在微信内打开时总是微信优先（微信内无法打开支付宝）。"
            stacked
            value={s.channelOrder}
            onChange={(e) => set("channelOrder", CHANNEL_ORDERS.find((o) => o === e.target.value) ?? s.channelOrder)}
            options={ORDER_OPTIONS}
          />
          <TextField
            label="读者请求答复时限（小时）"
            hint="读者在「我的购买」申请退款或反馈问题时，会看到你承诺在这个时间内答复。"
            stacked
            type="number"
            min={1}
            max={720}
            value={s.requestResponseHours}
            onChange={(e) => set("requestResponseHours", Number(e.target.value))}
          />
        </div>
        <div>
          <SubmitRow form={form} label="保存设置" pending="保存中…" />
        </div>
      </Form>
    </Card>
  );
}
