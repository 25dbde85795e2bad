"use client";
import { useAdmin, adminAction, adminSend } from "@/lib/swr/use-admin";
import { formatCents, yuanToCents } from "@/lib/money";
import { couponTermsLabel } from "@/lib/coupons/discount";
import type { Json } from "@/lib/client/api";
import type { AdminCouponRow } from "@/lib/coupons/admin";
import { Card } from "@/components/admin/card";
import { Notice } from "@/components/admin/notice";
import { TimeText } from "@/components/admin/time-text";
import { FormError, inputClass, useFormAction } from "@/components/admin/form-error";
import { TargetSelect, targetRefOf } from "@/components/admin/target-select";

type Row = Json<AdminCouponRow>;

const endOfChinaDay = (day: string) => new Date(`${day}T23:59:59+08:00`).toISOString();

/** /admin/coupons: discount codes readers type in the payment dialog. */
export function CouponManager() {
  const { data, error, mutate } = useAdmin<{ items: Row[] }>("/api/admin/coupons");
  const form = useFormAction();
  async function add(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const el = e.currentTarget;
    const f = new FormData(el);
    const value = String(f.get("value"));
    const percent = f.get("type") === "percent";
    const expires = String(f.get("expires") ?? "");
    const maxUses = String(f.get("maxUses") ?? "");
    const ok = await form.run(() =>
      adminSend("POST", "/api/admin/coupons", {
        code: String(f.get("code")),
        percentOff: percent ? Number(value) : null,
        amountOffCents: percent ? null : (yuanToCents(value) ?? -1),
        target: targetRefOf(String(f.get("target"))),
        maxUses: maxUses ? Number(maxUses) : null,
        expiresAt: expires ? endOfChinaDay(expires) : null,
      }),
    );
    if (ok) {
      el.reset();
      await mutate();
    }
  }
  const toggle = (c: Row) => adminAction(() => adminSend("PATCH", `/api/admin/coupons/${c.code}`, { active: !c.active }), mutate);
  const remove = (c: Row) =>
    adminAction(async () => {
      if (confirm(`确定删除优惠码「${c.code}」？`)) await adminSend("DELETE", `/api/admin/coupons/${c.code}`);
    }, mutate);
  return (
    <>
      <Card title="优惠码">
        <Notice error={error} />
        {data?.items.length === 0 && <p className="text-sm text-stone-500">还没有优惠码。</p>}
        <ul className="divide-y divide-stone-100 text-sm">
          {data?.items.map((c) => (
            <li key={c.code} className="flex flex-wrap items-center gap-2 py-2">
              <span className="font-mono font-medium">{c.code}</span>
              <span>{couponTermsLabel(c, formatCents)}</span>
              <span className="min-w-0 flex-1 truncate text-stone-500">{c.appliesTo}</span>
              <span>
                已用 {c.used}
                {c.reserved > 0 && `（付款中 ${c.reserved}）`} / {c.maxUses ?? "不限"}
              </span>
              <span className="text-stone-500">
                到期 <TimeText at={c.expiresAt} />
              </span>
              <span className={`rounded px-1.5 text-xs ${c.active ? "bg-emerald-100 text-emerald-800" : "bg-stone-200 text-stone-600"}`}>
                {c.active ? "启用" : "停用"}
              </span>
              <button type="button" onClick={() => toggle(c)} className="text-stone-600 underline">
                {c.active ? "停用" : "启用"}
              </button>
              <button type="button" onClick={() => remove(c)} className="text-red-600 underline">
                删除
              </button>
            </li>
          ))}
        </ul>
      </Card>
      <Card title="添加优惠码">
        <p className="mb-3 text-sm text-stone-500">
          优惠后的价格是生成唯一付款金额的基准，且不会低于最低价（MIN_PRICE_CENTS，默认 ¥0.10）。未付款的订单在仍可付款期间（约 12
          分钟）占用一次使用次数，超时未付自动释放。赞赏不能使用优惠码。
        </p>
        <form onSubmit={add} className="flex flex-wrap items-end gap-3 text-sm">
          <label>
            优惠码
            <input name="code" required maxLength={32} placeholder="SPRING20" className={`ml-1 w-28 uppercase ${inputClass}`} />
          </label>
          <label>
            方式
            <select name="type" className={`ml-1 ${inputClass}`}>
              <option value="percent">减百分比（%）</option>
              <option value="amount">减金额（元）</option>
            </select>
          </label>
          <label>
            数值
            <input name="value" required inputMode="decimal" placeholder="20" className={`ml-1 w-20 ${inputClass}`} />
          </label>
          <label>
            适用于
            <TargetSelect name="target" siteWide />
          </label>
          <label>
            次数上限
            <input name="maxUses" type="number" min={1} placeholder="不限" className={`ml-1 w-20 ${inputClass}`} />
          </label>
          <label>
            有效期至
            <input name="expires" type="date" className={`ml-1 ${inputClass}`} />
          </label>
          <button disabled={form.busy} className="rounded-lg bg-stone-900 px-4 py-1.5 text-white disabled:opacity-50">
            添加
          </button>
          <FormError error={form.error} />
        </form>
      </Card>
    </>
  );
}
