"use client";
import { useEffect, useState } from "react";
import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { formatCents } from "@/lib/money";
import { channelLabel } from "@/lib/channels";
import { CLAIM_STATUS } from "@/lib/claims/vocab";
import type { ReaderClaim } from "@/lib/claims/reader";

// The poller (SWR) only exists after hydration and only while the owner has not decided.
const ClaimWatcher = dynamic(() => import("@/components/claim-watcher").then((m) => m.ClaimWatcher), { ssr: false });

const TONE = {
  pending: "bg-amber-50 text-amber-900 ring-amber-200",
  accepted: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  rejected: "bg-stone-100 text-stone-700 ring-stone-200",
};

/** A reader's payment report and what the owner made of it; the page unlocks itself when it is accepted. */
export function ClaimStatus({ claim: initial, onAccepted }: { claim: ReaderClaim; onAccepted?: () => void }) {
  const [claim, setClaim] = useState(initial);
  const router = useRouter();
  const accepted = claim.status === "accepted" && initial.status !== "accepted";
  useEffect(() => {
    if (!accepted) return;
    router.refresh(); // the server renders the post again, now with the body
    onAccepted?.();
  }, [accepted, router, onAccepted]);
  return (
    <div role="status" className={`rounded-lg p-3 text-sm ring-1 ${TONE[claim.status ?? "pending"]}`} data-testid="claim-status">
      {claim.status === "pending" && <ClaimWatcher claim={claim} onChange={setClaim} />}
      <p>
        付款报告（{channelLabel(claim.channel)} ¥{formatCents(claim.amountCents)}）：<b>{CLAIM_STATUS.label(claim.status)}</b>
      </p>
      {claim.status === "pending" && <p className="mt-1 text-xs">站长核对账单后会为你解锁，本页会自动刷新。</p>}
      {claim.status === "rejected" && claim.ownerNote && <p className="mt-1 text-xs">站长说明：{claim.ownerNote}</p>}
    </div>
  );
}
