"use client";
import { adminSend } from "@/lib/swr/use-admin";
import { LIMIT_LABEL, type DailyLimits } from "@/lib/accounts/ceilings";
import { Form, FormProblem, MoneyField, Note, SubmitRow, TextField, readCents, useFormAction } from "@/components/admin/kit/forms";

const count = (data: FormData, name: string) => {
  const text = String(data.get(name) ?? "").trim();
  return text === "" ? null : Number(text);
};

/** A count ceiling; empty: none. */
function CountField({ name, value }: { name: "perDayCount" | "perDaySameAmount"; value: number | null }) {
  return (
    <TextField label={LIMIT_LABEL[name]} name={name} inputMode="numeric" className="w-20" defaultValue={value ?? ""} placeholder="不限" />
  );
}

/** The owner's daily ceilings of one account; an empty field means no ceiling. Money in yuan. */
export function AccountLimits({ id, limits, onSaved }: { id: string; limits: DailyLimits; onSaved: () => void }) {
  const form = useFormAction("保存失败");
  const save = form.submit(async (data) => {
    const perDayCents = readCents(data, "perDayCents");
    if (perDayCents === null && String(data.get("perDayCents") ?? "").trim() !== "") {
      throw new FormProblem("每日金额格式不对：请填写元，例如 500。");
    }
    await adminSend("PATCH", `/api/admin/accounts/${id}`, {
      limits: { perDayCount: count(data, "perDayCount"), perDayCents, perDaySameAmount: count(data, "perDaySameAmount") },
    });
    onSaved();
  });
  return (
    <Form onSubmit={save} className="w-full rounded bg-stone-50 p-2">
      <CountField name="perDayCount" value={limits.perDayCount} />
      <MoneyField
        label={`${LIMIT_LABEL.perDayCents}（元）`}
        name="perDayCents"
        className="w-20"
        defaultCents={limits.perDayCents}
        placeholder="不限"
      />
      <CountField name="perDaySameAmount" value={limits.perDaySameAmount} />
      <SubmitRow form={form} label="保存上限" />
      <Note>
        按北京时间每天计算，已付款和正在付款的订单都算在内；达到任何一个上限后，这个账户当天不再分配订单，其他账户照常收款。到 80%
        和到达上限时会发送提醒。
      </Note>
    </Form>
  );
}
