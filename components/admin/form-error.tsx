"use client";
import { useState } from "react";
import { ApiError } from "@/lib/client/api";

/** A form's submit state: runs the action, keeps the server's message to show beside the form. */
export function useFormAction() {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function run(action: () => Promise<unknown>): Promise<boolean> {
    setBusy(true);
    setError(null);
    try {
      await action();
      return true;
    } catch (e) {
      setError(e instanceof ApiError ? e.message : "操作失败，请重试。");
      return false;
    } finally {
      setBusy(false);
    }
  }
  return { error, busy, run };
}

export function FormError({ error }: { error: string | null }) {
  if (!error) return null;
  return (
    <p role="alert" className="w-full text-sm text-red-600">
      {error}
    </p>
  );
}

export const inputClass = "rounded border border-stone-300 px-2 py-1";
