"use client";
import { useAdmin, adminSend } from "@/lib/swr/use-admin";
import { formatCents, yuanToCents } from "@/lib/money";
import { couponTermsLabel } from "@/lib/coupons/discount";
import { SWITCH_STATE, switchState } from "@/lib/vocabulary";
import type { Json } from "@/lib/client/api";
import type { AdminCouponRow } from "@/lib/coupons/admin";
import { ActionButton, Card, ItemList, Row, StateBadge, TimeText } from "@/components/admin/kit";
import { Field, Form, Note, SelectField, SubmitRow, TextField, useFormAction } from "@/components/admin/kit/forms";
import { TargetSelect, targetRefOf } from "@/components/admin/target-select";
import { endOfChinaDay } from "@/components/admin/end-of-day";

type Coupon = Json<AdminCouponRow>;

const TYPES = [
  ["percent", "减百分比（%）"],
  ["amount", "减金额（元）"],
] as const;

/** /admin/coupons: discount codes readers type in the payment dialog. */
export function CouponManager() {
  const { data, error, mutate } = useAdmin<{ items: Coupon[] }>("/api/admin/coupons");
  const form = useFormAction();
  const add = form.submit(
    async (f) => {
      const value = String(f.get("value"));
      const percent = f.get("type") === "percent";
      const expires = String(f.get("expires") ?? "");
      const maxUses = String(f.get("maxUses") ?? "");
      await adminSend("POST", "/api/admin/coupons", {
        code: String(f.get("code")),
        percentOff: percent ? Number(value) : null,
        amountOffCents: percent ? null : (yuanToCents(value) ?? -1),
        target: targetRefOf(String(f.get("target"))),
        maxUses: maxUses ? Number(maxUses) : null,
        expiresAt: expires ? endOfChinaDay(expires) : null,
      });
      await mutate();
    },
    { reset: true },
  );
  return (
    <>
      <Card title="优惠码">
        <ItemList items={data?.items} error={error} empty="还没有优惠码。" refresh={mutate}>
          {(c) => (
            <Row key={c.code}>
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
              <StateBadge vocab={SWITCH_STATE} state={switchState(c.active)} />
              <ActionButton action={() => adminSend("PATCH", `/api/admin/coupons/${c.code}`, { active: !c.active })}>
                {c.active ? "停用" : "启用"}
              </ActionButton>
              <ActionButton
                tone="danger"
                confirm={`确定删除优惠码「${c.code}」？`}
                action={() => adminSend("DELETE", `/api/admin/coupons/${c.code}`)}
              >
                删除
              </ActionButton>
            </Row>
          )}
        </ItemList>
      </Card>
      <Card title="添加优惠码">
        <Note lead>
          优惠后的价格是生成唯一付款金额的基准，且不会低于最低价（MIN_PRICE_CENTS，默认 ¥0.10）。未付款的订单在仍可付款期间（约 12
          分钟）占用一次使用次数，超时未付自动释放。赞赏不能使用优惠码。
        </Note>
        <Form onSubmit={add}>
          <TextField label="优惠码" name="code" required maxLength={32} placeholder="SPRING20" className="w-28 uppercase" />
          <SelectField label="方式" name="type" options={TYPES} />
          <TextField label="数值" name="value" required inputMode="decimal" placeholder="20" className="w-20" />
          <Field label="适用于">
            <TargetSelect name="target" siteWide />
          </Field>
          <TextField label="次数上限" name="maxUses" type="number" min={1} placeholder="不限" className="w-20" />
          <TextField label="有效期至" name="expires" type="date" />
          <SubmitRow form={form} label="添加" />
        </Form>
      </Card>
    </>
  );
}
