"use client";
import { useState } from "react";
import { useAdmin, adminSend } from "@/lib/swr/use-admin";
import { Card } from "@/components/admin/kit";
import { Field, Form, Note, SelectField, SubmitRow, TextField, useFormAction } from "@/components/admin/kit/forms";
import { DeviceList, type AdminDeviceRow } from "@/components/admin/device-list";
import { DeviceSecret, type IssuedSecret } from "@/components/admin/device-secret";
import { AccountSelect } from "@/components/admin/account-select";
import { DEVICE_APPS } from "@/components/admin/device-apps";

export function DeviceManager() {
  const { data, error, mutate } = useAdmin<{ items: AdminDeviceRow[] }>("/api/admin/devices", 15000);
  const [issued, setIssued] = useState<IssuedSecret | null>(null);
  const form = useFormAction("添加失败");
  const add = form.submit(
    async (f) => {
      setIssued(
        await adminSend<IssuedSecret>("POST", "/api/admin/devices", {
          name: f.get("name"),
          protocol: f.get("protocol"),
          accountId: f.get("accountId") || null,
          secret: String(f.get("secret") ?? "") || undefined,
        }),
      );
      await mutate();
    },
    { reset: true },
  );
  return (
    <>
      {issued && <DeviceSecret issued={issued} onClose={() => setIssued(null)} />}
      <Card title="通知设备">
        <DeviceList items={data?.items} error={error} onChange={() => void mutate()} onIssued={setIssued} />
      </Card>
      <Card title="添加设备">
        <Form onSubmit={add}>
          <TextField label="名称" name="name" required maxLength={60} placeholder="例如：收款备用机" />
          <SelectField label="应用" name="protocol" options={DEVICE_APPS} />
          <Field label="收款账户">
            <AccountSelect emptyLabel="各渠道的默认账户" />
          </Field>
          <TextField
            label="自带密钥（可选）"
            name="secret"
            maxLength={200}
            autoComplete="off"
            placeholder="留空则自动生成"
            className="font-mono"
          />
          <SubmitRow form={form} label="添加" />
        </Form>
        <Note>
          添加第一台真实设备后，演示模式自动关闭。手机属于哪个收款账户，它转发的该渠道到账通知就只匹配这个账户的订单；不指定时属于各渠道的默认账户。自带密钥用于沿用手机上已有的配置（如
          V免签 的通讯密钥），须至少 20 个随机字符，不能是常见密码或单词；留空时系统生成一个足够强的密钥。
        </Note>
      </Card>
    </>
  );
}
