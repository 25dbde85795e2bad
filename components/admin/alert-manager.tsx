"use client";
import { useState } from "react";
import { useAdmin } from "@/lib/swr/use-admin";
import { Card } from "@/components/admin/card";
import { Notice } from "@/components/admin/notice";
import { CopyField } from "@/components/copy-field";
import { AlertForm } from "@/components/admin/alert-form";
import { AlertList, type AlertRow } from "@/components/admin/alert-list";

export function AlertManager() {
  const { data, error, mutate } = useAdmin<{ items: AlertRow[] }>("/api/admin/alerts", 15000);
  const [secret, setSecret] = useState<string | null>(null);
  return (
    <>
      {secret && (
        <div role="region" aria-label="签名密钥" className="space-y-2 rounded-xl border-2 border-amber-400 bg-amber-50 p-4 text-sm">
          <p className="font-semibold text-amber-900">Webhook 签名密钥只显示这一次，请立即复制保存：</p>
          <CopyField value={secret} label="签名密钥" />
          <button type="button" onClick={() => setSecret(null)} className="rounded-lg bg-stone-900 px-4 py-1.5 text-white">
            我已保存
          </button>
        </div>
      )}
      <Card title="提醒">
        <Notice error={error} feature="提醒" />
        {data && <AlertList items={data.items} onChange={() => void mutate()} />}
        <p className="mt-2 text-xs text-stone-500">
          提醒在后台排队发送，失败会自动重试（约 2 小时内 8 次），不会影响读者付款。说明见 docs/operations.md。
        </p>
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
