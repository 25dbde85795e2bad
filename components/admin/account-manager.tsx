"use client";
import { useState } from "react";
import { useAdmin, adminSend } from "@/lib/swr/use-admin";
import { ApiError, type Json } from "@/lib/client/api";
import { CHANNELS, CHANNEL_LABEL } from "@/lib/channels";
import { Card } from "@/components/admin/card";
import { Notice } from "@/components/admin/notice";
import { CapacityTable } from "@/components/admin/capacity-table";
import { AccountRow } from "@/components/admin/account-row";
import type { AccountListItem } from "@/lib/accounts/admin";

type Row = Json<AccountListItem>;

/** 收款账户: each WeChat/Alipay account with its own codes and phone adds a whole set of amounts. */
export function AccountManager() {
  const { data, error, mutate } = useAdmin<{ items: Row[] }>("/api/admin/accounts", 15000);
  const [formError, setFormError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const refresh = async () => {
    await mutate();
    setVersion((v) => v + 1);
  };
  async function add(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const fd = new FormData(form);
    setFormError(null);
    try {
      await adminSend("POST", "/api/admin/accounts", { channel: fd.get("channel"), name: fd.get("name") });
      form.reset();
      await refresh();
    } catch (err) {
      setFormError(err instanceof ApiError ? err.message : "添加失败");
    }
  }
  return (
    <>
      <Card title="收款账户">
        <Notice error={error} />
        <p className="mb-3 text-xs text-stone-500">
          每个收款账户（一个微信或支付宝账号）有自己的收款码和通知手机，同一时刻每个账户的每个金额只给一位读者，所以多一个账户，
          同时付款的名额就多一倍。只有启用、有手机在线、状态「正常」且没达到每日上限的账户才会分配给读者。没有指定账户的收款码和手机属于该渠道的默认账户。
          订单连续过期未付（而其他账户照常收款）时账户会变成「可疑」，读者报告「收款方存在违规行为」时会「已暂停」：确认钱包正常后点「恢复」。
        </p>
        {data &&
          CHANNELS.map((channel) => (
            <div key={channel} className="mb-4">
              <h3 className="mb-1 text-sm font-medium">{CHANNEL_LABEL[channel]}</h3>
              <ul className="divide-y divide-stone-100" data-testid={`accounts-${channel}`}>
                {data.items
                  .filter((a) => a.channel === channel)
                  .map((a) => (
                    <AccountRow key={a.id} a={a} onChange={refresh} />
                  ))}
              </ul>
            </div>
          ))}
      </Card>
      <Card title="添加收款账户">
        <form onSubmit={add} className="flex flex-wrap items-end gap-3 text-sm">
          <label>
            渠道
            <select name="channel" className="ml-1 rounded border border-stone-300 px-2 py-1">
              {CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {CHANNEL_LABEL[c]}
                </option>
              ))}
            </select>
          </label>
          <label>
            名称
            <input
              name="name"
              required
              maxLength={40}
              placeholder="例如：家人的微信"
              className="ml-1 rounded border border-stone-300 px-2 py-1"
            />
          </label>
          <button className="rounded-lg bg-stone-900 px-4 py-1.5 text-white">添加</button>
          {formError && (
            <p role="alert" className="w-full text-red-600">
              {formError}
            </p>
          )}
        </form>
        <p className="mt-2 text-xs text-stone-500">
          添加后：在「收款码」页上传这个账户的收款码并选择该账户；在「设备」页添加（或修改）转发这个账户通知的手机并选择该账户。
        </p>
      </Card>
      <Card title="同时付款容量">
        <CapacityTable version={version} />
      </Card>
    </>
  );
}
