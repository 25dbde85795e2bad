"use client";
import { useState } from "react";
import { adminSend } from "@/lib/swr/use-admin";
import type { Json } from "@/lib/client/api";
import { ACCOUNT_HEALTH, ACCOUNT_HEALTH_HINT, isHealthy, isPaused } from "@/lib/accounts/health";
import { ACCOUNT_STATE, accountState } from "@/lib/accounts/state";
import { DEVICE_ROLE } from "@/lib/devices/roles";
import { DEVICE_STATE } from "@/lib/devices/state";
import type { AccountListItem } from "@/lib/accounts/admin";
import { ActionButton, Badge, Button, Row, RowActions, StateBadge, StateDot, StateText, TimeText } from "@/components/admin/kit";
import { AccountLimits } from "@/components/admin/account-limits";

type Account = Json<AccountListItem>;

const patch = (a: Account, body: Record<string, unknown>) => adminSend("PATCH", `/api/admin/accounts/${a.id}`, body);

async function rename(a: Account) {
  const name = prompt("新的账户名称", a.name);
  if (name && name.trim() !== a.name) await patch(a, { name });
}

async function setPayee(a: Account) {
  const name = prompt("读者付款时钱包里显示的收款人（例如「*小明」），留空则不显示", a.payeeName ?? "");
  if (name !== null) await patch(a, { payeeName: name });
}

const phoneText = (p: Account["phones"][number]) =>
  `${p.name}（${DEVICE_ROLE.label(p.role)}，${DEVICE_STATE.label(p.online ? "online" : "offline")}）`;

/** One receiving account: state, health and its evidence, today's meter, phones, and the owner's actions. */
export function AccountRow({ a, onSaved }: { a: Account; onSaved: () => unknown }) {
  const [limitsOpen, setLimitsOpen] = useState(false);
  const healthy = isHealthy(a.health);
  return (
    <Row testId="account-row">
      <StateDot tone={ACCOUNT_STATE.tone(accountState(a))} />
      <span className="font-medium">{a.name}</span>
      {a.isDefault && <Badge>默认</Badge>}
      <StateText vocab={ACCOUNT_STATE} state={accountState(a)} />
      <span data-testid="account-health" title={ACCOUNT_HEALTH_HINT[a.health]}>
        <StateBadge vocab={ACCOUNT_HEALTH} state={a.health} />
      </span>
      {a.fullToday && <Badge tone="warn">今日停止收款（读者报告收款次数已达上限）</Badge>}
      <span className="text-stone-500" data-testid="account-meter">
        {a.meter}
      </span>
      <RowActions>
        {(!healthy || a.fullToday) && (
          <ActionButton tone="confirm" action={() => patch(a, { resume: true })}>
            恢复
          </ActionButton>
        )}
        {!isPaused(a.health) && (
          <ActionButton confirm={`暂停「${a.name}」的新订单？`} action={() => patch(a, { pause: true })}>
            暂停
          </ActionButton>
        )}
        <Button tone="link" onClick={() => setLimitsOpen((o) => !o)}>
          每日上限
        </Button>
        <ActionButton action={() => setPayee(a)}>收款人</ActionButton>
        <ActionButton action={() => rename(a)}>改名</ActionButton>
        {!a.isDefault && a.enabled && <ActionButton action={() => patch(a, { isDefault: true })}>设为默认</ActionButton>}
        <ActionButton action={() => patch(a, { enabled: !a.enabled })}>{a.enabled ? "停用" : "启用"}</ActionButton>
        {!a.isDefault && (
          <ActionButton
            tone="danger"
            confirm={`删除收款账户「${a.name}」？`}
            action={() => adminSend("DELETE", `/api/admin/accounts/${a.id}`)}
          >
            删除
          </ActionButton>
        )}
      </RowActions>
      {!healthy && (
        <p className="w-full rounded bg-red-50 p-2 text-red-800" data-testid="account-evidence">
          {ACCOUNT_HEALTH.label(a.health)}（自 <TimeText at={a.healthSince} />
          ）：{a.evidenceText} {ACCOUNT_HEALTH_HINT[a.health]}
        </p>
      )}
      <p className="w-full text-stone-500">
        {a.codes} 个收款码 · 占用 {a.heldNow} 个金额 · 收款人显示为「{a.payeeName ?? "未设置"}」 · 手机：
        {a.phones.length === 0 ? "无" : a.phones.map(phoneText).join("、")}
      </p>
      {limitsOpen && (
        <AccountLimits
          id={a.id}
          limits={a.limits}
          onSaved={() => {
            setLimitsOpen(false);
            void onSaved();
          }}
        />
      )}
    </Row>
  );
}
