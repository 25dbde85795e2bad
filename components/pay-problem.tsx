"use client";
import { useState } from "react";
import { send } from "@/lib/client/api";
import { MAX_PROBLEM_TEXT, PROBLEM_KIND, type ProblemAnswer, type ProblemKind } from "@/lib/orders/problem-vocab";
import { ReaderFormFooter, useReaderSubmit } from "@/components/reader-form";

/**
 * 付不了？ — the reader tells what the wallet said. The owner is alerted; when the account is the
 * problem the server stops it and answers with another account or channel, which the dialog takes
 * (`onAnswer`: a new code in this same dialog). Part of the lazily loaded dialog chunk.
 */
export function PayProblem({ orderId, onAnswer }: { orderId: string; onAnswer: (answer: ProblemAnswer) => void }) {
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<ProblemKind>("restricted");
  const [text, setText] = useState("");
  const { busy, error, submit } = useReaderSubmit(async () => {
    const answer = await send<ProblemAnswer>("POST", `/api/orders/${orderId}/problem`, { kind, text: text.trim() || null });
    setOpen(false);
    onAnswer(answer);
  });
  if (!open) {
    return (
      <div className="mt-2 text-center text-sm">
        <button type="button" className="text-stone-500 underline" onClick={() => setOpen(true)}>
          付不了？
        </button>
      </div>
    );
  }
  return (
    <form onSubmit={submit} className="mt-3 space-y-2 rounded-lg bg-stone-50 p-3 text-sm" aria-label="付不了？">
      <fieldset>
        <legend className="mb-1 font-medium">付款时钱包提示了什么？</legend>
        {PROBLEM_KIND.values.map((k) => (
          <label key={k} className="block">
            <input type="radio" name="problem-kind" value={k} checked={kind === k} onChange={() => setKind(k)} className="mr-1" />
            {PROBLEM_KIND.label(k)}
          </label>
        ))}
      </fieldset>
      <label className="block">
        补充说明（可选）
        <input
          className="mt-1 w-full rounded border border-stone-300 px-2 py-1"
          value={text}
          maxLength={MAX_PROBLEM_TEXT}
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      <ReaderFormFooter error={error} busy={busy} label="告诉站长" onCancel={() => setOpen(false)} wide />
    </form>
  );
}
