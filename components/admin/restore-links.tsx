"use client";
import { useState } from "react";
import { adminAction, adminSend, useAdmin } from "@/lib/swr/use-admin";
import { RESTORE_LINK_STATE, restoreLinkState } from "@/lib/readers/link-state";
import type { Json } from "@/lib/client/api";
import type { RestoreLinkRow } from "@/lib/readers/admin";
import { ActionButton, Button, Card, DataTable, StateText, TimeText, type Column } from "@/components/admin/kit";
import { Form, Input, Note } from "@/components/admin/kit/forms";

type Link = Json<RestoreLinkRow>;

const REVOKE_WARNING = "作废后，这个链接不能再用，通过它恢复的设备也会退出；读者原来的设备不受影响，会显示新的恢复链接。确定作废？";
const revoke = (link: string) => adminSend("POST", "/api/admin/restore-links/revoke", { link });

const COLUMNS: Column<Link>[] = [
  {
    head: "读者 ID",
    className: "font-mono text-xs",
    cell: (r) => (
      <>
        {r.readerId}
        {r.generation > 0 && <span className="text-stone-400"> · 第 {r.generation + 1} 个链接</span>}
      </>
    ),
  },
  {
    head: "设备数",
    className: (r) => (r.devices >= r.maxDevices ? "font-medium text-amber-700" : ""),
    cell: (r) => `${r.devices} / ${r.maxDevices}`,
  },
  { head: "最近使用", cell: (r) => <TimeText at={r.lastUsedAt} /> },
  { head: "状态", cell: (r) => <StateText vocab={RESTORE_LINK_STATE} state={restoreLinkState(r)} /> },
  {
    head: "",
    className: "text-right",
    cell: (r) =>
      !r.revokedAt && (
        <ActionButton tone="danger" confirm={REVOKE_WARNING} action={() => revoke(r.id)}>
          作废
        </ActionButton>
      ),
  },
];

/** Restore links readers have used, and revoking one (a leaked or shared link). */
export function RestoreLinks() {
  const { data, error, mutate } = useAdmin<{ items: Link[] }>("/api/admin/restore-links", 15000);
  const [link, setLink] = useState("");
  return (
    <>
      <Card title="作废恢复链接">
        <Note lead>读者说恢复链接泄露了，或者一个链接被很多人共用时：粘贴那个链接（或订单里的读者 ID），作废它。</Note>
        <Form
          layout="line"
          onSubmit={(e) => {
            e.preventDefault();
            const value = link.trim();
            if (value && confirm(REVOKE_WARNING)) void adminAction(() => revoke(value).then(() => setLink("")), mutate);
          }}
        >
          <Input
            value={link}
            onChange={(e) => setLink(e.target.value)}
            placeholder="https://你的网站/restore/…"
            aria-label="恢复链接或读者 ID"
            className="min-w-0 flex-1"
          />
          <Button type="submit" tone="danger-solid">
            作废
          </Button>
        </Form>
      </Card>
      <Card title="用过的恢复链接">
        <DataTable
          items={data?.items}
          error={error}
          feature="恢复链接"
          empty="还没有读者用恢复链接换过设备。"
          refresh={mutate}
          columns={COLUMNS}
          rowKey={(r) => r.id}
          minWidth="32rem"
        />
      </Card>
    </>
  );
}
