"use client";
import { adminAction, adminSend } from "@/lib/swr/use-admin";
import { TimeText } from "@/components/admin/time-text";
import { DeviceAccounts } from "@/components/admin/device-accounts";
import type { IssuedSecret } from "@/components/admin/device-secret";
import { protocolLabel } from "@/lib/protocols";
import type { Json } from "@/lib/client/api";
import type { DeviceListItem } from "@/lib/devices/admin";

export type AdminDeviceRow = Json<DeviceListItem>;

export function DeviceList({
  items,
  onChange,
  onIssued,
}: {
  items: AdminDeviceRow[];
  onChange: () => void;
  onIssued: (s: IssuedSecret) => void;
}) {
  const act = (run: () => Promise<unknown>) => adminAction(run, onChange);
  if (items.length === 0) return <p className="text-sm text-stone-500">还没有通知设备：站点处于演示模式，读者的付款不会被自动确认。</p>;
  return (
    <ul className="divide-y divide-stone-100">
      {items.map((d) => (
        <li key={d.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2 text-sm">
          <span
            className={`h-2.5 w-2.5 rounded-full ${!d.enabled ? "bg-stone-300" : d.online ? "bg-emerald-500" : "bg-red-500"}`}
            aria-hidden
          />
          <span className="font-medium">{d.name}</span>
          <span className="text-stone-500">{protocolLabel(d.protocol)}</span>
          <span className={!d.enabled ? "text-stone-400" : d.online ? "text-emerald-700" : "text-red-600"}>
            {!d.enabled ? "已停用" : d.online ? "在线" : "离线"}
          </span>
          <span className="text-stone-500">
            最后联系 <TimeText at={d.lastSeenAt} />
          </span>
          {d.kind !== "bootstrap" ? (
            <DeviceAccounts
              deviceName={d.name}
              value={d.accounts}
              onChange={(accounts) => act(() => adminSend("PATCH", `/api/admin/devices/${d.id}`, { accounts }))}
            />
          ) : (
            <span className="text-stone-500">各渠道的默认账户（主手机）</span>
          )}
          {d.kind === "bootstrap" ? (
            <span className="ml-auto text-xs text-stone-400">由环境变量管理</span>
          ) : (
            <span className="ml-auto flex gap-3">
              <button
                type="button"
                className="underline"
                onClick={() => act(() => adminSend("PATCH", `/api/admin/devices/${d.id}`, { enabled: !d.enabled }))}
              >
                {d.enabled ? "停用" : "启用"}
              </button>
              <button
                type="button"
                className="underline"
                onClick={() =>
                  confirm("更换密钥后旧密钥立即失效，手机上需要填入新密钥。继续？") &&
                  act(async () => onIssued(await adminSend<IssuedSecret>("POST", `/api/admin/devices/${d.id}/rotate`)))
                }
              >
                更换密钥
              </button>
              <button
                type="button"
                className="text-red-600 underline"
                onClick={() => confirm(`删除设备「${d.name}」？`) && act(() => adminSend("DELETE", `/api/admin/devices/${d.id}`))}
              >
                删除
              </button>
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
