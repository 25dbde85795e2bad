"use client";
import { useAdmin, adminSend } from "@/lib/swr/use-admin";
import { formatCents } from "@/lib/money";
import { passLengthLabel } from "@/lib/passes/period";
import { PASS_SALE, passSale } from "@/lib/passes/sale-state";
import type { Json } from "@/lib/client/api";
import type { AdminPassRow } from "@/lib/passes/admin";
import { ActionButton, Card, ItemList, Row, StateBadge } from "@/components/admin/kit";
import { Check, Form, MoneyField, Note, readCents, SubmitRow, TextField, useFormAction } from "@/components/admin/kit/forms";

type Pass = Json<AdminPassRow>;

/** /admin/passes: site passes (全站通) on sale, and a form to add one. */
export function PassManager() {
  const { data, error, mutate } = useAdmin<{ items: Pass[] }>("/api/admin/passes");
  const form = useFormAction();
  const add = form.submit(
    async (f) => {
      await adminSend("POST", "/api/admin/passes", {
        name: String(f.get("name")),
        priceCents: readCents(f, "price") ?? -1,
        days: f.get("lifetime") === "on" ? null : Number(f.get("days")),
      });
      await mutate();
    },
    { reset: true },
  );
  return (
    <>
      <Card title="全站通">
        <Note lead>读者购买后，在有效期内可以阅读所有付费文章。文章的付费墙会在单篇价格旁显示在售的全站通；续费从当前到期日顺延。</Note>
        <ItemList items={data?.items} error={error} empty="还没有全站通。" refresh={mutate}>
          {(p) => (
            <Row key={p.id}>
              <span className="min-w-0 flex-1 font-medium">{p.name}</span>
              <span>¥{formatCents(p.priceCents)}</span>
              <span className="text-stone-500">{passLengthLabel(p.days)}</span>
              <span className="text-stone-500">已售 {p.sold}</span>
              <StateBadge vocab={PASS_SALE} state={passSale(p.active)} />
              <span className="font-mono text-xs text-stone-400">{p.id}</span>
              <ActionButton action={() => adminSend("PATCH", `/api/admin/passes/${p.id}`, { active: !p.active })}>
                {p.active ? "停售" : "恢复销售"}
              </ActionButton>
              <ActionButton
                tone="danger"
                confirm={`确定删除「${p.name}」？`}
                action={() => adminSend("DELETE", `/api/admin/passes/${p.id}`)}
              >
                删除
              </ActionButton>
            </Row>
          )}
        </ItemList>
      </Card>
      <Card title="添加全站通">
        <Form onSubmit={add}>
          <TextField label="名称" name="name" required maxLength={60} placeholder="例如：全站通 30 天" />
          <MoneyField label="价格（元）" name="price" required placeholder="9.90" className="w-24" />
          <TextField label="天数" name="days" type="number" min={1} max={3650} defaultValue={30} className="w-20" />
          <Check name="lifetime" label="永久" />
          <SubmitRow form={form} label="添加" />
        </Form>
      </Card>
    </>
  );
}
