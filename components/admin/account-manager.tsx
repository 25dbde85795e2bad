"use client";
import { useState } from "react";
import { useAdmin, adminSend } from "@/lib/swr/use-admin";
import type { Json } from "@/lib/client/api";
import { CHANNELS, CHANNEL_LABEL } from "@/lib/channels";
import type { AccountListItem } from "@/lib/accounts/admin";
import { Card, ItemList, Notice } from "@/components/admin/kit";
import { Form, Note, SelectField, SubmitRow, TextField, useFormAction } from "@/components/admin/kit/forms";
import { CapacityTable } from "@/components/admin/capacity-table";
import { AccountRow } from "@/components/admin/account-row";

type Account = Json<AccountListItem>;

const CHANNEL_OPTIONS = CHANNELS.map((c) => [c, CHANNEL_LABEL[c]] as const);
/** 收款账户: each WeChat/Alipay account with its own codes and phone adds a whole set of amounts. */
export function AccountManager() {
  const { data, error, mutate } = useAdmin<{ items: Account[] }>("/api/admin/accounts", 15000);
  const [version, setVersion] = useState(0);
  const refresh = async () => {
    await mutate();
    setVersion((v) => v + 1);
  };
  const form = useFormAction("添加失败");
  const add = form.submit(
    async (f) => {
      await adminSend("POST", "/api/admin/accounts", { channel: f.get("channel"), name: f.get("name") });
      await refresh();
    },
    { reset: true },
  );
  return (
    <>
      <Card title="收款账户">
        <p className="mb-3 text-xs text-stone-500">
          每个收款账户（一个微信或支付宝账号）有自己的收款码和通知手机，同一时刻每个账户的每个金额只给一位读者，所以多一个账户，
          同时付款的名额就多一倍。只有启用、有手机在线、状态「正常」且没达到每日上限的账户才会分配给读者。没有指定账户的收款码和手机属于该渠道的默认账户。
          订单连续过期未付（而其他账户照常收款）时账户会变成「可疑」，读者报告「收款方存在违规行为」时会「已暂停」：确认钱包正常后点「恢复」。
        </p>
        <Notice error={error} />
        {CHANNELS.map((channel) => (
          <div key={channel} className="mb-4">
            <h3 className="mb-1 text-sm font-medium">{CHANNEL_LABEL[channel]}</h3>
            <ItemList
              items={data?.items.filter((a) => a.channel === channel)}
              empty="还没有账户。"
              refresh={refresh}
              testId={`accounts-${channel}`}
            >
              {(a) => <AccountRow key={a.id} a={a} onSaved={refresh} />}
            </ItemList>
          </div>
        ))}
      </Card>
      <Card title="添加收款账户">
        <Form onSubmit={add}>
          <SelectField label="渠道" name="channel" options={CHANNEL_OPTIONS} />
          <TextField label="名称" name="name" required maxLength={40} placeholder="例如：家人的微信" />
          <SubmitRow form={form} label="添加" />
        </Form>
        <Note>添加后：在「收款码」页上传这个账户的收款码并选择该账户；在「设备」页添加（或修改）转发这个账户通知的手机并选择该账户。</Note>
      </Card>
      <Card title="同时付款容量">
        <CapacityTable version={version} />
      </Card>
    </>
  );
}
