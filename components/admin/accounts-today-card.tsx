"use client";
import Link from "next/link";
import { CHANNEL_LABEL, isChannel } from "@/lib/channels";
import { ACCOUNT_HEALTH, isHealthy } from "@/lib/accounts/health";
import type { Json } from "@/lib/client/api";
import type { Dashboard } from "@/lib/admin/dashboard";
import { Badge, StateBadge } from "@/components/admin/kit";

/** Each receiving account today: its health and its ceiling meter (今日 12/50 笔 · ¥60.00/¥500.00). */
export function AccountsTodayCard({ accounts }: { accounts: Json<Dashboard>["accounts"] }) {
  return (
    <ul className="space-y-1 text-sm" data-testid="accounts-today">
      {accounts.map((a) => (
        <li key={a.id} className="flex flex-wrap justify-between gap-x-3">
          <Link href="/admin/accounts" className="flex gap-1 hover:underline">
            {isChannel(a.channel) ? CHANNEL_LABEL[a.channel] : a.channel}·{a.name}
            {!isHealthy(a.health) && <StateBadge vocab={ACCOUNT_HEALTH} state={a.health} />}
            {a.full && <Badge tone="warn">今日已停</Badge>}
          </Link>
          <span className="text-stone-600">{a.meter}</span>
        </li>
      ))}
    </ul>
  );
}
