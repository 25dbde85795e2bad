"use client";
import { useState } from "react";
import { useAdmin } from "@/lib/swr/use-admin";
import { Card } from "@/components/admin/kit";
import { QrUpload } from "@/components/admin/qr-upload";
import { QrList, type AdminQrRow } from "@/components/admin/qr-list";
import { CapacityTable } from "@/components/admin/capacity-table";

export function QrManager() {
  const { data, error, mutate } = useAdmin<{ items: AdminQrRow[] }>("/api/admin/qr-codes");
  const [version, setVersion] = useState(0);
  const changed = () => {
    void mutate();
    setVersion((v) => v + 1);
  };
  return (
    <>
      <Card title="上传收款码">
        <QrUpload onUploaded={changed} />
      </Card>
      <Card title="收款码">
        <QrList items={data?.items} error={error} onChange={changed} />
      </Card>
      <Card title="各价格同时付款容量">
        <CapacityTable version={version} />
      </Card>
    </>
  );
}
