"use client";
import { useState } from "react";
import { useAdmin, adminSend } from "@/lib/swr/use-admin";
import { ApiError } from "@/lib/client/api";
import { Card } from "@/components/admin/card";
import { Notice } from "@/components/admin/notice";
import { DeviceList, type AdminDeviceRow } from "@/components/admin/device-list";
import { DeviceSecret, type IssuedSecret } from "@/components/admin/device-secret";
import { AccountSelect } from "@/components/admin/account-select";

export function DeviceManager() {
  const { data, error, mutate } = useAdmin<{ items: AdminDeviceRow[] }>("/api/admin/devices", 15000);
  const [issued, setIssued] = useState<IssuedSecret | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  async function add(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    setFormError(null);
    try {
      const own = String(data.get("secret") ?? "");
      setIssued(
        await adminSend<IssuedSecret>("POST", "/api/admin/devices", {
          name: data.get("name"),
          protocol: data.get("protocol"),
          accountId: data.get("accountId") || null,
          secret: own || undefined,
        }),
      );
      form.reset();
      await mutate();
    } catch (err) {
      setFormError(err instanceof ApiError ? err.message : "添加失败");
    }
  }
  return (
    <>
      {issued && <DeviceSecret issued={issued} onClose={() => setIssued(null)} />}
      <Card title="通知设备">
        <Notice error={error} />
        {data && <DeviceList items={data.items} onChange={() => void mutate()} onIssued={setIssued} />}
      </Card>
      <Card title="添加设备">
        <form onSubmit={add} className="flex flex-wrap items-end gap-3 text-sm">
          <label>
            名称
            <input
              name="name"
              required
              maxLength={60}
              placeholder="例如：收款备用机"
              className="ml-1 rounded border border-stone-300 px-2 py-1"
            />
          </label>
          <label>
            应用
            <select name="protocol" className="ml-1 rounded border border-stone-300 px-2 py-1">
              <option value="smsforwarder">SmsForwarder</option>
              <option value="vmq">V免签监控端</option>
              <option value="native">原生协议（自建）</option>
            </select>
          </label>
          <label>
            收款账户
            <AccountSelect emptyLabel="各渠道的默认账户" />
          </label>
          <label>
            自带密钥（可选）
            <input
              name="secret"
              maxLength={200}
              autoComplete="off"
              placeholder="留空则自动生成"
              className="ml-1 rounded border border-stone-300 px-2 py-1 font-mono"
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
          添加第一台真实设备后，演示模式自动关闭。手机属于哪个收款账户，它转发的该渠道到账通知就只匹配这个账户的订单；不指定时属于各渠道的默认账户。自带密钥用于沿用手机上已有的配置（如
          V免签 的通讯密钥），须至少 20 个随机字符，不能是常见密码或单词；留空时系统生成一个足够强的密钥。
        </p>
      </Card>
    </>
  );
}
