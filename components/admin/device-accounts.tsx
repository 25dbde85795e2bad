"use client";
import { useAdmin } from "@/lib/swr/use-admin";
import { CHANNELS, CHANNEL_LABEL, type Channel } from "@/lib/channels";
import { DEVICE_ROLE, type DeviceRole } from "@/lib/devices/roles";
import type { Json } from "@/lib/client/api";
import type { AccountListItem } from "@/lib/accounts/admin";
import { Select } from "@/components/admin/kit/forms";

export interface PhoneAccount {
  id: string;
  channel: Channel;
  role: DeviceRole;
}

const ROLE_OPTIONS = DEVICE_ROLE.values.map((r) => [r, DEVICE_ROLE.label(r)] as const);

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
        const accounts = (data?.items ?? []).filter((a) => a.channel === channel).map((a) => [a.id, a.name] as const);
        return (
          <span key={channel}>
            {CHANNEL_LABEL[channel]}
            <Select
              aria-label={`${deviceName}的${CHANNEL_LABEL[channel]}收款账户`}
              value={current?.id ?? ""}
              onChange={(e) => set(channel, e.target.value || null, current?.role ?? "primary")}
              options={[["", value.length === 0 ? "默认账户" : "不代表"], ...accounts]}
            />
            {current && (
              <Select
                aria-label={`${deviceName}在${CHANNEL_LABEL[channel]}账户的角色`}
                value={current.role}
                onChange={(e) => set(channel, current.id, DEVICE_ROLE.parse(e.target.value) ?? current.role)}
                options={ROLE_OPTIONS}
              />
            )}
          </span>
        );
      })}
    </span>
  );
}
