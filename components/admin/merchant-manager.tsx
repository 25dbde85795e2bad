"use client";
import { useState } from "react";
import { useAdmin, adminAction, adminSend } from "@/lib/swr/use-admin";
import { formatCents, yuanToCents } from "@/lib/money";
import { CHANNELS, CHANNEL_LABEL } from "@/lib/channels";
import type { Json } from "@/lib/client/api";
import type { listMerchants } from "@/lib/gateway/merchants";
import { Card } from "@/components/admin/card";
import { Notice } from "@/components/admin/notice";
import { FormError, inputClass, useFormAction } from "@/components/admin/form-error";
import { MerchantKey, type IssuedKey } from "@/components/admin/merchant-key";
import { MerchantOrders } from "@/components/admin/merchant-orders";

type Row = Json<Awaited<ReturnType<typeof listMerchants>>[number]>;

const domainsOf = (text: string) =>
  text
    .split(/[\s,，]+/)
    .map((d) => d.trim())
    .filter(Boolean);

const HELD_HELP =
  "同时未付订单上限：商户服务器直接下单（V免签 createOrder，不带买家 IP）时，这个商户最多同时有多少个未付款订单占用金额；0 表示不限。带买家 IP 的订单（收银台、易支付）按买家 IP 计数。";

/** /admin/merchants: the owner's other sites that take payments through the gateway (易支付 / V免签). */
export function MerchantManager() {
  const { data, error, mutate } = useAdmin<{ items: Row[] }>("/api/admin/merchants");
  const [issued, setIssued] = useState<IssuedKey | null>(null);
  const [open, setOpen] = useState<number | null>(null);
  const form = useFormAction();

  async function add(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const el = e.currentTarget;
    const f = new FormData(el);
    let made: IssuedKey | null = null;
    const ok = await form.run(async () => {
      made = await adminSend<IssuedKey>("POST", "/api/admin/merchants", {
        name: String(f.get("name")),
        notifyDomains: domainsOf(String(f.get("domains"))),
        channels: CHANNELS.filter((c) => f.get(`ch-${c}`)),
        minCents: yuanToCents(String(f.get("min") || "0.01")) ?? -1,
        maxCents: yuanToCents(String(f.get("max") || "5000")) ?? -1,
        ampKeySign: !!f.get("amp"),
        allowPrivate: !!f.get("private"),
        // Left empty: the server's default (200); 0 means no cap.
        maxHeldOrders: String(f.get("held") ?? "").trim() === "" ? undefined : Number(f.get("held")),
      });
    });
    if (ok && made) {
      el.reset();
      setIssued(made);
      await mutate();
    }
  }
  const rotate = (m: Row) =>
    adminAction(async () => {
      if (!confirm(`更换「${m.name}」的密钥？旧密钥立即失效，商户网站需要填写新密钥。`)) return;
      setIssued(await adminSend<IssuedKey>("POST", `/api/admin/merchants/${m.pid}/rotate`));
    }, mutate);
  const toggle = (m: Row) => adminAction(() => adminSend("PATCH", `/api/admin/merchants/${m.pid}`, { enabled: !m.enabled }), mutate);
  const editDomains = (m: Row) =>
    adminAction(async () => {
      const text = prompt("允许的通知/跳转域名（空格或逗号分隔）", m.notifyDomains.join(" "));
      if (text !== null) await adminSend("PATCH", `/api/admin/merchants/${m.pid}`, { notifyDomains: domainsOf(text) });
    }, mutate);
  const editHeld = (m: Row) =>
    adminAction(async () => {
      const text = prompt(HELD_HELP, String(m.maxHeldOrders));
      if (text !== null) await adminSend("PATCH", `/api/admin/merchants/${m.pid}`, { maxHeldOrders: Number(text.trim()) });
    }, mutate);

  return (
    <>
      {issued && <MerchantKey issued={issued} onClose={() => setIssued(null)} />}
      <Card title="网关商户">
        <p className="mb-2 text-sm text-stone-600">
          让你的其他网站（发卡网、面板、网盘）通过易支付或 V免签 协议，用同一部手机和收款码收款。付款匹配规则与文章订单相同。
        </p>
        <Notice error={error} />
        {data?.items.length === 0 && <p className="text-sm text-stone-500">还没有商户。</p>}
        <ul className="divide-y divide-stone-100 text-sm">
          {data?.items.map((m) => (
            <li key={m.pid} className="py-2">
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-mono font-medium">pid {m.pid}</span>
                <span className="font-medium">{m.name}</span>
                <span className="text-stone-500">{m.notifyDomains.join("、")}</span>
                <span>{m.channels.map((c) => CHANNEL_LABEL[c]).join(" / ")}</span>
                <span className="text-stone-500">
                  ¥{formatCents(m.minCents)} – ¥{formatCents(m.maxCents)}
                </span>
                <span className="text-stone-500" title={HELD_HELP}>
                  未付上限 {m.maxHeldOrders === 0 ? "不限" : m.maxHeldOrders}
                </span>
                <span className="text-stone-500">
                  已付 {m.orders.paid}
                  {m.orders.notifyFailed > 0 && <span className="text-red-700">，通知失败 {m.orders.notifyFailed}</span>}
                </span>
                <span className={`rounded px-1.5 text-xs ${m.enabled ? "bg-emerald-100 text-emerald-800" : "bg-stone-200 text-stone-600"}`}>
                  {m.enabled ? "启用" : "停用"}
                </span>
                <button type="button" onClick={() => setOpen(open === m.pid ? null : m.pid)} className="text-stone-600 underline">
                  {open === m.pid ? "收起订单" : "订单"}
                </button>
                <button type="button" onClick={() => editDomains(m)} className="text-stone-600 underline">
                  域名
                </button>
                <button type="button" onClick={() => editHeld(m)} className="text-stone-600 underline">
                  未付上限
                </button>
                <button type="button" onClick={() => rotate(m)} className="text-stone-600 underline">
                  更换密钥
                </button>
                <button type="button" onClick={() => toggle(m)} className="text-stone-600 underline">
                  {m.enabled ? "停用" : "启用"}
                </button>
              </div>
              {open === m.pid && <MerchantOrders pid={m.pid} />}
            </li>
          ))}
        </ul>
      </Card>
      <Card title="添加商户">
        <form onSubmit={add} className="flex flex-wrap items-end gap-3 text-sm">
          <label className="flex flex-col">
            名称
            <input name="name" required maxLength={60} className={inputClass} placeholder="我的发卡网" />
          </label>
          <label className="flex min-w-64 flex-1 flex-col">
            允许的通知/跳转域名（空格分隔，含子域名）
            <input name="domains" required className={inputClass} placeholder="shop.example.com" />
          </label>
          <fieldset className="flex gap-3">
            <legend className="sr-only">收款渠道</legend>
            {CHANNELS.map((c) => (
              <label key={c} className="flex items-center gap-1">
                <input type="checkbox" name={`ch-${c}`} defaultChecked /> {CHANNEL_LABEL[c]}
              </label>
            ))}
          </fieldset>
          <label className="flex flex-col">
            最低金额（元）
            <input name="min" inputMode="decimal" defaultValue="0.01" className={`${inputClass} w-24`} />
          </label>
          <label className="flex flex-col">
            最高金额（元）
            <input name="max" inputMode="decimal" defaultValue="5000" className={`${inputClass} w-24`} />
          </label>
          <label className="flex flex-col" title={HELD_HELP}>
            同时未付订单上限
            <input name="held" type="number" min={0} max={100000} defaultValue={200} className={`${inputClass} w-24`} />
          </label>
          <label className="flex items-center gap-1">
            <input type="checkbox" name="amp" /> 接受「&key=」签名写法
          </label>
          <label className="flex items-center gap-1">
            <input type="checkbox" name="private" /> 允许通知内网地址
          </label>
          <button type="submit" disabled={form.busy} className="rounded bg-stone-900 px-3 py-1 text-white disabled:opacity-50">
            创建并显示密钥
          </button>
          <FormError error={form.error} />
        </form>
      </Card>
    </>
  );
}
