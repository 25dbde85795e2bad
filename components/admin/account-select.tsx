"use client";
import { useAdmin } from "@/lib/swr/use-admin";
import { Select } from "@/components/admin/kit/controls";
import { CHANNEL_LABEL } from "@/lib/channels";
import type { Json } from "@/lib/client/api";
import type { AccountListItem } from "@/lib/accounts/admin";

/** The receiving account a code or a phone belongs to; the empty choice is the channel's default account. */
export function AccountSelect({
  name = "accountId",
  value,
  onChange,
  emptyLabel,
}: {
  name?: string;
  value?: string | null;
  onChange?: (accountId: string | null) => void;
  emptyLabel: string;
}) {
  const { data } = useAdmin<{ items: Json<AccountListItem>[] }>("/api/admin/accounts");
  return (
    <Select
      name={name}
      aria-label="收款账户"
      {...(onChange ? { value: value ?? "", onChange: (e) => onChange(e.target.value || null) } : { defaultValue: value ?? "" })}
    >
      <option value="">{emptyLabel}</option>
      {data?.items.map((a) => (
        <option key={a.id} value={a.id}>
          {CHANNEL_LABEL[a.channel]}·{a.name}
          {a.isDefault ? "（默认）" : ""}
        </option>
      ))}
    </Select>
  );
}
