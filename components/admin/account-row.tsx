"use client";
import { useState } from "react";
import { adminAction, adminSend } from "@/lib/swr/use-admin";
import type { Json } from "@/lib/client/api";
import { ACCOUNT_HEALTH_HINT, ACCOUNT_HEALTH_LABEL } from "@/lib/accounts/health";
import { DEVICE_ROLE_LABEL } from "@/lib/devices/roles";
import { TimeText } from "@/components/admin/time-text";
import { AccountLimits } from "@/components/admin/account-limits";
import type { AccountListItem } from "@/lib/accounts/admin";

type Row = Json<AccountListItem>;

/** One receiving account: state, health and its evidence, today's meter, phones, and the owner's actions. */
export function AccountRow({ a, onChange }: { a: Row; onChange: () => Promise<void> }) {
  const [limitsOpen, setLimitsOpen] = useState(false);
  const act = (run: () => Promise<unknown>) => adminAction(run, onChange);
  const patch = (body: unknown) => act(() => adminSend("PATCH", `/api/admin/accounts/${a.id}`, body));
  const full = a.fullToday;
  const rename = () => {
    const name = prompt("新的账户名称", a.name);
    if (name && name.trim() !== a.name) void patch({ name });
  };
  const payee = () => {
    const name = prompt("读者付款时钱包里显示的收款人（例如「*小明」），留空则不显示", a.payeeName ?? "");
    if (name !== null) void patch({ payeeName: name });
  };
  return (
    <li className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2 text-sm" data-testid="account-row">
      <span
        className={`h-2.5 w-2.5 rounded-full ${!a.enabled ? "bg-stone-300" : a.online ? "bg-emerald-500" : "bg-red-500"}`}
        aria-hidden
      />
      <span className="font-medium">{a.name}</span>
      {a.isDefault && <span className="rounded bg-stone-100 px-1.5 text-xs text-stone-600">默认</span>}
      <span className={!a.enabled ? "text-stone-400" : a.online ? "text-emerald-700" : "text-red-600"}>
        {!a.enabled ? "已停用" : a.online ? "手机在线" : "手机离线"}
      </span>
      <span
        data-testid="account-health"
        title={ACCOUNT_HEALTH_HINT[a.health]}
        className={`rounded px-1.5 text-xs ${a.health === "ok" ? "bg-emerald-50 text-emerald-700" : "bg-red-100 text-red-700"}`}
      >
        {ACCOUNT_HEALTH_LABEL[a.health]}
      </span>
      {full && <span className="rounded bg-amber-100 px-1.5 text-xs text-amber-800">今日停止收款（读者报告收款次数已达上限）</span>}
      <span className="text-stone-500" data-testid="account-meter">
        {a.meter}
      </span>
      <span className="ml-auto flex gap-3">
        {(a.health !== "ok" || full) && (
          <button type="button" className="font-medium text-emerald-700 underline" onClick={() => patch({ resume: true })}>
            恢复
          </button>
        )}
        {a.health !== "paused" && (
          <button type="button" className="underline" onClick={() => confirm(`暂停「${a.name}」的新订单？`) && patch({ pause: true })}>
            暂停
          </button>
        )}
        <button type="button" className="underline" onClick={() => setLimitsOpen((o) => !o)}>
          每日上限
        </button>
        <button type="button" className="underline" onClick={payee}>
          收款人
        </button>
        <button type="button" className="underline" onClick={rename}>
          改名
        </button>
        {!a.isDefault && a.enabled && (
          <button type="button" className="underline" onClick={() => patch({ isDefault: true })}>
            设为默认
          </button>
        )}
        <button type="button" className="underline" onClick={() => patch({ enabled: !a.enabled })}>
          {a.enabled ? "停用" : "启用"}
        </button>
        {!a.isDefault && (
          <button
            type="button"
            className="text-red-600 underline"
            onClick={() => confirm(`删除收款账户「${a.name}」？`) && act(() => adminSend("DELETE", `/api/admin/accounts/${a.id}`))}
          >
            删除
          </button>
        )}
      </span>
      {a.health !== "ok" && (
        <p className="w-full rounded bg-red-50 p-2 text-red-800" data-testid="account-evidence">
          {ACCOUNT_HEALTH_LABEL[a.health]}（自 <TimeText at={a.healthSince} />
          ）：{a.evidenceText} {ACCOUNT_HEALTH_HINT[a.health]}
        </p>
      )}
      <p className="w-full text-stone-500">
        {a.codes} 个收款码 · 占用 {a.heldNow} 个金额 · 收款人显示为「{a.payeeName ?? "未设置"}」 · 手机：
        {a.phones.length === 0
          ? "无"
          : a.phones.map((p) => `${p.name}（${DEVICE_ROLE_LABEL[p.role]}，${p.online ? "在线" : "离线"}）`).join("、")}
      </p>
      {limitsOpen && (
        <AccountLimits
          id={a.id}
          limits={a.limits}
          onSaved={() => {
            setLimitsOpen(false);
            void onChange();
          }}
        />
      )}
    </li>
  );
}
