"use client";
import { useAdmin, adminAction, adminSend } from "@/lib/swr/use-admin";
import { formatCents, yuanToCents } from "@/lib/money";
import { passLengthLabel } from "@/lib/passes/period";
import type { Json } from "@/lib/client/api";
import type { AdminPassRow } from "@/lib/passes/admin";
import { Card } from "@/components/admin/card";
import { Notice } from "@/components/admin/notice";
import { FormError, inputClass, useFormAction } from "@/components/admin/form-error";

type Row = Json<AdminPassRow>;

/** /admin/passes: site passes (全站通) on sale, and a form to add one. */
export function PassManager() {
  const { data, error, mutate } = useAdmin<{ items: Row[] }>("/api/admin/passes");
  const form = useFormAction();
  async function add(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const el = e.currentTarget;
    const f = new FormData(el);
    const priceCents = yuanToCents(String(f.get("price")));
    const lifetime = f.get("lifetime") === "on";
    const ok = await form.run(() =>
      adminSend("POST", "/api/admin/passes", {
        name: String(f.get("name")),
        priceCents: priceCents ?? -1,
        days: lifetime ? null : Number(f.get("days")),
      }),
    );
    if (ok) {
      el.reset();
      await mutate();
    }
  }
  const toggle = (p: Row) => adminAction(() => adminSend("PATCH", `/api/admin/passes/${p.id}`, { active: !p.active }), mutate);
  const remove = (p: Row) =>
    adminAction(async () => {
      if (confirm(`确定删除「${p.name}」？`)) await adminSend("DELETE", `/api/admin/passes/${p.id}`);
    }, mutate);
  return (
    <>
      <Card title="全站通">
        <p className="mb-3 text-sm text-stone-500">
          读者购买后，在有效期内可以阅读所有付费文章。文章的付费墙会在单篇价格旁显示在售的全站通；续费从当前到期日顺延。
        </p>
        <Notice error={error} />
        {data?.items.length === 0 && <p className="text-sm text-stone-500">还没有全站通。</p>}
        <ul className="divide-y divide-stone-100">
          {data?.items.map((p) => (
            <li key={p.id} className="flex flex-wrap items-center gap-2 py-2 text-sm">
              <span className="min-w-0 flex-1 font-medium">{p.name}</span>
              <span>¥{formatCents(p.priceCents)}</span>
              <span className="text-stone-500">{passLengthLabel(p.days)}</span>
              <span className="text-stone-500">已售 {p.sold}</span>
              <span className={`rounded px-1.5 text-xs ${p.active ? "bg-emerald-100 text-emerald-800" : "bg-stone-200 text-stone-600"}`}>
                {p.active ? "在售" : "停售"}
              </span>
              <span className="font-mono text-xs text-stone-400">{p.id}</span>
              <button type="button" onClick={() => toggle(p)} className="text-stone-600 underline">
                {p.active ? "停售" : "恢复销售"}
              </button>
              <button type="button" onClick={() => remove(p)} className="text-red-600 underline">
                删除
              </button>
            </li>
          ))}
        </ul>
      </Card>
      <Card title="添加全站通">
        <form onSubmit={add} className="flex flex-wrap items-end gap-3 text-sm">
          <label>
            名称
            <input name="name" required maxLength={60} placeholder="例如：全站通 30 天" className={`ml-1 ${inputClass}`} />
          </label>
          <label>
            价格（元）
            <input name="price" required inputMode="decimal" placeholder="9.90" className={`ml-1 w-24 ${inputClass}`} />
          </label>
          <label>
            天数
            <input name="days" type="number" min={1} max={3650} defaultValue={30} className={`ml-1 w-20 ${inputClass}`} />
          </label>
          <label className="flex items-center gap-1">
            <input name="lifetime" type="checkbox" /> 永久
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
