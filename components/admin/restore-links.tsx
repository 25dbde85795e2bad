"use client";
import { useState } from "react";
import { adminAction, adminSend, useAdmin } from "@/lib/swr/use-admin";
import { Card } from "@/components/admin/card";
import { Notice } from "@/components/admin/notice";
import { TimeText } from "@/components/admin/time-text";
import type { Json } from "@/lib/client/api";
import type { RestoreLinkRow } from "@/lib/readers/admin";

/** Restore links readers have used, and revoking one (a leaked or shared link). */
export function RestoreLinks() {
  const { data, error, mutate } = useAdmin<{ items: Json<RestoreLinkRow>[] }>("/api/admin/restore-links", 15000);
  const [link, setLink] = useState("");
  const revoke = (value: string) =>
    adminAction(async () => {
      if (!confirm("作废后，这个链接不能再用，通过它恢复的设备也会退出；读者原来的设备不受影响，会显示新的恢复链接。确定作废？")) return;
      await adminSend("POST", "/api/admin/restore-links/revoke", { link: value });
      setLink("");
    }, mutate);
  return (
    <>
      <Card title="作废恢复链接">
        <p className="mb-2 text-sm text-stone-600">
          读者说恢复链接泄露了，或者一个链接被很多人共用时：粘贴那个链接（或订单里的读者 ID），作废它。
        </p>
        <form
          className="flex gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            if (link.trim()) void revoke(link.trim());
          }}
        >
          <input
            value={link}
            onChange={(e) => setLink(e.target.value)}
            placeholder="https://你的网站/restore/…"
            aria-label="恢复链接或读者 ID"
            className="min-w-0 flex-1 rounded border border-stone-300 px-2 py-1 text-sm"
          />
          <button type="submit" className="rounded bg-red-600 px-3 py-1 text-sm text-white">
            作废
          </button>
        </form>
      </Card>
      <Card title="用过的恢复链接">
        <Notice error={error} feature="恢复链接" />
        {data?.items.length === 0 && <p className="text-sm text-stone-500">还没有读者用恢复链接换过设备。</p>}
        {data && data.items.length > 0 && (
          <div className="overflow-x-auto">
            <table className="w-full min-w-[32rem] text-sm">
              <thead className="text-left text-stone-500">
                <tr>
                  <th className="py-1">读者 ID</th>
                  <th>设备数</th>
                  <th>最近使用</th>
                  <th>状态</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {data.items.map((r) => (
                  <tr key={r.id} className="border-t border-stone-100">
                    <td className="py-1 font-mono text-xs">
                      {r.readerId}
                      {r.generation > 0 && <span className="text-stone-400"> · 第 {r.generation + 1} 个链接</span>}
                    </td>
                    <td className={r.devices >= r.maxDevices ? "font-medium text-amber-700" : ""}>
                      {r.devices} / {r.maxDevices}
                    </td>
                    <td>
                      <TimeText at={r.lastUsedAt} />
                    </td>
                    <td>{r.revokedAt ? <span className="text-stone-500">已作废</span> : "有效"}</td>
                    <td className="text-right">
                      {!r.revokedAt && (
                        <button type="button" onClick={() => revoke(r.id)} className="text-sm text-red-600 underline">
                          作废
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </>
  );
}
