"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import Link from "next/link";
import { ApiError, send } from "@/lib/client/api";
import type { RedeemResult } from "@/lib/redeem/redeem";
import { CodeEntry, type CodeKind } from "@/components/code-entry";

const REDEEM: CodeKind = { label: "兑换码", placeholder: "XXXX-XXXX-XXXX-XXXX", maxLength: 64, action: "兑换" };

/** 我的购买: type a 兑换码 to unlock a post, series or pass on this device. */
export function RedeemForm() {
  const router = useRouter();
  const [code, setCode] = useState("");
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<RedeemResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function submit() {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      setDone(await send<RedeemResult>("POST", "/api/redeem", { code }));
      setCode("");
      router.refresh();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : "兑换失败，请重试。");
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="mt-6 rounded-lg bg-white p-4">
      <h2 className="font-semibold">使用兑换码</h2>
      <CodeEntry kind={REDEEM} value={code} onChange={setCode} onSubmit={submit} busy={busy} className="mt-2" inputClassName="font-mono" />
      {done && (
        <p role="status" className="mt-2 text-sm text-emerald-700">
          兑换成功：{done.label}。{" "}
          <Link href={done.href} className="underline">
            去阅读
          </Link>
        </p>
      )}
      {error && (
        <p role="alert" className="mt-2 text-sm text-red-600">
          {error}
        </p>
      )}
    </section>
  );
}
