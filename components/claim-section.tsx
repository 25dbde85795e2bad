"use client";
import { useState } from "react";
import type { ReaderClaim } from "@/lib/claims/reader";
import { ClaimForm } from "@/components/claim-form";
import { ClaimStatus } from "@/components/claim-status";

/** 我的购买 → 付款后没有解锁？: the reader's reports and a form for a new one. */
export function ClaimSection({ claims, articles }: { claims: ReaderClaim[]; articles: { slug: string; title: string }[] }) {
  const [open, setOpen] = useState(false);
  const [mine, setMine] = useState(claims);
  return (
    <div className="mt-2 space-y-3">
      {mine.map((c) => (
        <div key={c.id}>
          <p className="mb-1 text-sm text-stone-600">{c.title}</p>
          <ClaimStatus claim={c} />
        </div>
      ))}
      {articles.length > 0 &&
        (open ? (
          <ClaimForm
            articles={articles}
            onSubmitted={(c) => {
              setMine((m) => [c, ...m]);
              setOpen(false);
            }}
          />
        ) : (
          <button type="button" onClick={() => setOpen(true)} className="rounded bg-stone-900 px-3 py-1.5 text-sm text-white">
            我付过款，但没有解锁
          </button>
        ))}
    </div>
  );
}
