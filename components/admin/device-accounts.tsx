"use client";
import { useAdmin } from "@/lib/swr/use-admin";
import { CHANNELS, CHANNEL_LABEL, type Channel } from "@/lib/channels";
import { DEVICE_ROLES, DEVICE_ROLE_LABEL, type DeviceRole } from "@/lib/devices/roles";
import type { Json } from "@/lib/client/api";
import type { AccountListItem } from "@/lib/accounts/admin";

export interface PhoneAccount {
  id: string;
  channel: Channel;
  role: DeviceRole;
}

/**
 * The accounts a phone speaks for, one per channel, and its role on each (主手机 / 备用).
 * None chosen: the phone of every channel's default account. `onChange` gets the whole new list.
 */
export function DeviceAccounts({
  deviceName,
  value,
  onChange,
}: {
  deviceName: string;
  value: PhoneAccount[];
  onChange: (next: { id: string; role: DeviceRole }[]) => void;
}) {
  const { data } = useAdmin<{ items: Json<AccountListItem>[] }>("/api/admin/accounts");
  const set = (channel: Channel, id: string | null, role: DeviceRole) => {
    const others = value.filter((a) => a.channel !== channel).map((a) => ({ id: a.id, role: a.role }));
    onChange(id ? [...others, { id, role }] : others);
  };
  return (
    <span className="flex flex-wrap gap-x-3 gap-y-1 text-stone-500">
      {CHANNELS.map((channel) => {
        const current = value.find((a) => a.channel === channel);
        return (
          <span key={channel}>
            {CHANNEL_LABEL[channel]}
            <select
              aria-label={`${deviceName}的${CHANNEL_LABEL[channel]}收款账户`}
              value={current?.id ?? ""}
              onChange={(e) => set(channel, e.target.value || null, current?.role ?? "primary")}
              className="ml-1 rounded border border-stone-300 px-1 py-0.5"
            >
              <option value="">{value.length === 0 ? "默认账户" : "不代表"}</option>
              {data?.items
                .filter((a) => a.channel === channel)
                .map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                  </option>
                ))}
            </select>
            {current && (
              <select
                aria-label={`${deviceName}在${CHANNEL_LABEL[channel]}账户的角色`}
                value={current.role}
                onChange={(e) => set(channel, current.id, e.target.value as DeviceRole)}
                className="ml-1 rounded border border-stone-300 px-1 py-0.5"
              >
                {DEVICE_ROLES.map((r) => (
                  <option key={r} value={r}>
                    {DEVICE_ROLE_LABEL[r]}
                  </option>
                ))}
              </select>
            )}
          </span>
        );
      })}
    </span>
  );
}
