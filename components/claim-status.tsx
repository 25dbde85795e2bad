"use client";
import { useEffect, useState } from "react";
import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { formatCents } from "@/lib/money";
import { channelLabel } from "@/lib/channels";
import { CLAIM_STATUS, isClaimAccepted, isClaimOpen, isClaimRejected } from "@/lib/claims/vocab";
import { TONE_PANEL } from "@/components/tone";
import type { ReaderClaim } from "@/lib/claims/reader";

// The poller (SWR) only exists after hydration and only while the owner has not decided.
const ClaimWatcher = dynamic(() => import("@/components/claim-watcher").then((m) => m.ClaimWatcher), { ssr: false });

/** A reader's payment report and what the owner made of it; the page unlocks itself when it is accepted. */
export function ClaimStatus({ claim: initial, onAccepted }: { claim: ReaderClaim; onAccepted?: () => void }) {
  const [claim, setClaim] = useState(initial);
  const router = useRouter();
  const accepted = isClaimAccepted(claim.status) && !isClaimAccepted(initial.status);
  useEffect(() => {
    if (!accepted) return;
    router.refresh(); // the server renders the post again, now with the body
    onAccepted?.();
  }, [accepted, router, onAccepted]);
  return (
    <div
      role="status"
      className={`rounded-lg p-3 text-sm ring-1 ${TONE_PANEL[CLAIM_STATUS.tone(claim.status)]}`}
      data-testid="claim-status"
    >
      {isClaimOpen(claim.status) && <ClaimWatcher claim={claim} onChange={setClaim} />}
      <p>
        付款报告（{channelLabel(claim.channel)} ¥{formatCents(claim.amountCents)}）：<b>{CLAIM_STATUS.label(claim.status)}</b>
      </p>
      {isClaimOpen(claim.status) && <p className="mt-1 text-xs">站长核对账单后会为你解锁，本页会自动刷新。</p>}
      {isClaimRejected(claim.status) && claim.ownerNote && <p className="mt-1 text-xs">站长说明：{claim.ownerNote}</p>}
    </div>
  );
}
