"use client";
import Link from "next/link";
import { CHANNEL_LABEL, isChannel } from "@/lib/channels";
import { ACCOUNT_HEALTH_LABEL, asAccountHealth } from "@/lib/accounts/health";
import type { Json } from "@/lib/client/api";
import type { Dashboard } from "@/lib/admin/dashboard";

/** Each receiving account today: its health and its ceiling meter (今日 12/50 笔 · ¥60.00/¥500.00). */
export function AccountsTodayCard({ accounts }: { accounts: Json<Dashboard>["accounts"] }) {
  return (
    <ul className="space-y-1 text-sm" data-testid="accounts-today">
      {accounts.map((a) => {
        const health = asAccountHealth(a.health);
        return (
          <li key={a.id} className="flex flex-wrap justify-between gap-x-3">
            <Link href="/admin/accounts" className="hover:underline">
              {isChannel(a.channel) ? CHANNEL_LABEL[a.channel] : a.channel}·{a.name}
              {health !== "ok" && <span className="ml-1 rounded bg-red-100 px-1 text-xs text-red-700">{ACCOUNT_HEALTH_LABEL[health]}</span>}
              {a.full && <span className="ml-1 rounded bg-amber-100 px-1 text-xs text-amber-800">今日已停</span>}
            </Link>
            <span className="text-stone-600">{a.meter}</span>
          </li>
        );
      })}
    </ul>
  );
}
