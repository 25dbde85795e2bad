"use client";
import { adminSend } from "@/lib/swr/use-admin";
import { yuanToCents } from "@/lib/money";
import { CHANNELS, CHANNEL_LABEL } from "@/lib/channels";
import { Field, Form, FormProblem, MoneyField, Note, SelectField, SubmitRow, useFormAction } from "@/components/admin/kit/forms";
import { AccountSelect } from "@/components/admin/account-select";

const CHANNEL_OPTIONS = [["", "自动识别"], ...CHANNELS.map((c) => [c, CHANNEL_LABEL[c]] as const)] as const;

/** Upload one or many 收款码 images; the server decodes them and keeps only the payload. */
export function QrUpload({ onUploaded }: { onUploaded: () => void }) {
  const form = useFormAction("上传失败，请重试。");
  const submit = form.submit(
    async (data) => {
      const yuan = String(data.get("amount") ?? "").trim();
      data.delete("amount");
      if (yuan) {
        const cents = yuanToCents(yuan);
        if (!cents) throw new FormProblem("金额格式不对：请填写元，例如 0.99。");
        data.set("amountCents", String(cents));
      }
      if (!data.get("channel")) data.delete("channel");
      if (!data.get("accountId")) data.delete("accountId");
      const res = await adminSend<{ items: unknown[] }>("POST", "/api/admin/qr-codes", data);
      onUploaded();
      return `已添加 ${res.items.length} 个收款码。`;
    },
    { reset: true },
  );
  return (
    <Form layout="stack" onSubmit={submit}>
      <input name="files" type="file" accept="image/png,image/jpeg" multiple required aria-label="收款码图片" className="block w-full" />
      <div className="flex flex-wrap gap-3">
        <SelectField label="渠道" name="channel" options={CHANNEL_OPTIONS} />
        <Field label="收款账户">
          <AccountSelect emptyLabel="该渠道的默认账户" />
        </Field>
        <MoneyField label="固定金额（元，可空）" name="amount" placeholder="通用码留空" className="w-28" />
      </div>
      <Note>
        可一次选择多张。固定金额码可直接用金额命名文件（如 <code>0.99.png</code>）。只保存二维码内容，不保存图片。
      </Note>
      <div>
        <SubmitRow form={form} label="上传并识别" pending="识别中…" />
      </div>
    </Form>
  );
}
