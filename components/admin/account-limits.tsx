"use client";
import { useState } from "react";
import { adminSend } from "@/lib/swr/use-admin";
import { ApiError } from "@/lib/client/api";
import { formatCents, yuanToCents } from "@/lib/money";
import { LIMIT_LABEL, type DailyLimits } from "@/lib/accounts/ceilings";

/** The owner's daily ceilings of one account; an empty field means no ceiling. Money in yuan. */
export function AccountLimits({ id, limits, onSaved }: { id: string; limits: DailyLimits; onSaved: () => void }) {
  const [count, setCount] = useState(limits.perDayCount?.toString() ?? "");
  const [money, setMoney] = useState(limits.perDayCents === null ? "" : formatCents(limits.perDayCents));
  const [same, setSame] = useState(limits.perDaySameAmount?.toString() ?? "");
  const [error, setError] = useState<string | null>(null);
  const int = (s: string) => (s.trim() === "" ? null : Number(s));
  async function save(e: React.FormEvent) {
    e.preventDefault();
    const cents = money.trim() === "" ? null : yuanToCents(money.trim());
    if (money.trim() !== "" && cents === null) return setError("每日金额格式不对：请填写元，例如 500。");
    setError(null);
    try {
      await adminSend("PATCH", `/api/admin/accounts/${id}`, {
        limits: { perDayCount: int(count), perDayCents: cents, perDaySameAmount: int(same) },
      });
      onSaved();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : "保存失败");
    }
  }
  const field = "ml-1 w-20 rounded border border-stone-300 px-1 py-0.5";
  return (
    <form onSubmit={save} className="flex w-full flex-wrap items-end gap-3 rounded bg-stone-50 p-2 text-sm">
      <label>
        {LIMIT_LABEL.perDayCount}
        <input className={field} inputMode="numeric" value={count} onChange={(e) => setCount(e.target.value)} placeholder="不限" />
      </label>
      <label>
        {LIMIT_LABEL.perDayCents}（元）
        <input className={field} inputMode="decimal" value={money} onChange={(e) => setMoney(e.target.value)} placeholder="不限" />
      </label>
      <label>
        {LIMIT_LABEL.perDaySameAmount}
        <input className={field} inputMode="numeric" value={same} onChange={(e) => setSame(e.target.value)} placeholder="不限" />
      </label>
      <button className="rounded bg-stone-900 px-3 py-1 text-white">保存上限</button>
      {error && (
        <p role="alert" className="w-full text-red-600">
          {error}
        </p>
      )}
      <p className="w-full text-xs text-stone-500">
        按北京时间每天计算，已付款和正在付款的订单都算在内；达到任何一个上限后，这个账户当天不再分配订单，其他账户照常收款。到 80%
        和到达上限时会发送提醒。
      </p>
    </form>
  );
}
