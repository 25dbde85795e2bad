"use client";
import { useEffect } from "react";
import { useClaim } from "@/lib/swr/use-claim";
import type { ReaderClaim } from "@/lib/claims/reader";

/** Polls a pending report (SWR) and hands each answer up; loaded on demand so the article page's first paint carries no SWR. */
export function ClaimWatcher({ claim, onChange }: { claim: ReaderClaim; onChange: (c: ReaderClaim) => void }) {
  const latest = useClaim(claim);
  useEffect(() => {
    if (latest !== claim) onChange(latest);
  }, [latest, claim, onChange]);
  return null;
}
