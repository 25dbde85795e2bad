"use client";
import { useFormAction } from "@/components/use-form-action";

/** A reader's small form being sent: busy while it runs, the server's message when it is refused (the admin's form state). */
export function useReaderSubmit(action: () => Promise<void>) {
  const { busy, error, run } = useFormAction("提交失败，请重试。");
  function submit(e: React.FormEvent) {
    e.preventDefault();
    void run(action);
  }
  return { busy, error, submit };
}

/** The end of a reader's small form (付不了？, 申请退款 / 有问题): the server's refusal, then send and 取消. */
export function ReaderFormFooter({
  error,
  busy,
  label,
  onCancel,
  wide,
}: {
  error: string | null;
  busy: boolean;
  label: string;
  onCancel: () => void;
  /** The send button takes the row (in the pay dialog). */
  wide?: boolean;
}) {
  return (
    <>
      {error && (
        <p role="alert" className="text-red-600">
          {error}
        </p>
      )}
      <div className="flex gap-2">
        <button disabled={busy} className={`${wide ? "flex-1" : "px-3"} rounded-lg bg-stone-900 py-1.5 text-white disabled:opacity-50`}>
          {busy ? "提交中…" : label}
        </button>
        <button type="button" onClick={onCancel} className="rounded-lg border border-stone-300 px-3 py-1.5">
          取消
        </button>
      </div>
    </>
  );
}
