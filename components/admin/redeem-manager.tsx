"use client";
import { useState } from "react";
import { useAdmin, adminSend } from "@/lib/swr/use-admin";
import { CopyField } from "@/components/copy-field";
import { Card } from "@/components/admin/kit";
import { Field, Form, Note, SubmitRow, TextField, useFormAction } from "@/components/admin/kit/forms";
import { TargetSelect, targetRefOf } from "@/components/admin/target-select";
import { RedeemBatches, type Batch } from "@/components/admin/redeem-batches";
import { endOfChinaDay } from "@/components/admin/end-of-day";

interface Created {
  batchId: string;
  label: string;
  codes: string[];
}

/** /admin/redeem-codes: generate codes for a post, series or pass; list batches; export; revoke. */
export function RedeemManager() {
  const batches = useAdmin<{ batches: Batch[] }>("/api/admin/redeem-codes");
  const form = useFormAction();
  const [created, setCreated] = useState<Created | null>(null);
  const generate = form.submit(async (f) => {
    const expires = String(f.get("expires") ?? "");
    setCreated(
      await adminSend<Created>("POST", "/api/admin/redeem-codes", {
        target: targetRefOf(String(f.get("target"))) ?? {},
        count: Number(f.get("count")),
        expiresAt: expires ? endOfChinaDay(expires) : null,
        note: String(f.get("note") ?? "") || undefined,
      }),
    );
    await batches.mutate();
  });
  return (
    <>
      <Card title="生成兑换码">
        <Note lead>
          兑换码可在微信群、发卡平台等处发放或出售。读者在「我的购买」输入后即可解锁，每个兑换码只能使用一次；兑换不计入收入。
        </Note>
        <Form onSubmit={generate}>
          <Field label="内容">
            <TargetSelect name="target" />
          </Field>
          <TextField label="数量" name="count" type="number" min={1} max={1000} defaultValue={10} className="w-20" />
          <TextField label="有效期至（可选）" name="expires" type="date" />
          <TextField label="备注" name="note" maxLength={100} placeholder="例如：读者群活动" />
          <SubmitRow form={form} label="生成" />
        </Form>
        {created && (
          <div className="mt-4 rounded-lg bg-emerald-50 p-3 text-sm" data-testid="created-codes">
            <p>
              已为{created.label}生成 {created.codes.length} 个兑换码。{" "}
              <a href={`/api/admin/redeem-codes/export?batch=${created.batchId}`} className="underline">
                下载 CSV
              </a>
            </p>
            {created.codes.length === 1 ? (
              <CopyField value={created.codes[0]} label="兑换码" />
            ) : (
              <textarea
                readOnly
                value={created.codes.join("\n")}
                rows={Math.min(created.codes.length, 8)}
                aria-label="兑换码"
                className="mt-2 w-full rounded border border-stone-300 p-2 font-mono"
              />
            )}
          </div>
        )}
      </Card>
      <RedeemBatches batches={batches.data?.batches} error={batches.error} onChange={() => batches.mutate()} />
    </>
  );
}
