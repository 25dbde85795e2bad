"use client";
import { useState } from "react";
import { useAdmin } from "@/lib/swr/use-admin";
import { Card, SecretOnce } from "@/components/admin/kit";
import { Note } from "@/components/admin/kit/forms";
import { AlertForm } from "@/components/admin/alert-form";
import { AlertList, type AlertRow } from "@/components/admin/alert-list";

export function AlertManager() {
  const { data, error, mutate } = useAdmin<{ items: AlertRow[] }>("/api/admin/alerts", 15000);
  const [secret, setSecret] = useState<string | null>(null);
  return (
    <>
      {secret && (
        <SecretOnce
          name="签名密钥"
          title="Webhook 签名密钥只显示这一次，请立即复制保存："
          fields={[{ label: "签名密钥", value: secret }]}
          onClose={() => setSecret(null)}
        />
      )}
      <Card title="提醒">
        <AlertList items={data?.items} error={error} onChange={() => void mutate()} />
        <Note>提醒在后台排队发送，失败会自动重试（约 2 小时内 8 次），不会影响读者付款。说明见 docs/operations.md。</Note>
      </Card>
      <Card title="添加提醒">
        <AlertForm
          onCreated={(s) => {
            setSecret(s);
            void mutate();
          }}
        />
      </Card>
    </>
  );
}
