"use client";
import { useState } from "react";
import { ApiError } from "@/lib/client/api";

/** Thrown by a form's handler for a problem found before sending (两次输入的密码不一致): shown as is. */
export class FormProblem extends Error {}

export interface FormAction {
  busy: boolean;
  /** The server's message (or the problem the handler found), for SubmitRow to show. */
  error: string | null;
  /** What the handler answered on success (已保存。), for SubmitRow to show. */
  message: string | null;
  /** Runs an action with busy and error set; a string it answers becomes `message`. True when it succeeded. */
  run(action: () => Promise<unknown>): Promise<boolean>;
  /** An onSubmit handler: no page load, the form's data to `handler`, then run(); `reset` clears the form after success. */
  submit(
    handler: (data: FormData, form: HTMLFormElement) => Promise<unknown>,
    opts?: { reset?: boolean },
  ): (e: React.FormEvent<HTMLFormElement>) => void;
}

/** A form's submit state (the admin kit's forms, the reader's small forms). `fallback` is what the owner reads when the request itself failed without a server message. */
export function useFormAction(fallback = "操作失败，请重试。"): FormAction {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  async function run(action: () => Promise<unknown>): Promise<boolean> {
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      const answer = await action();
      setMessage(typeof answer === "string" && answer ? answer : null);
      return true;
    } catch (e) {
      setError(e instanceof ApiError || e instanceof FormProblem ? e.message : fallback);
      return false;
    } finally {
      setBusy(false);
    }
  }
  const submit: FormAction["submit"] = (handler, opts) => (e) => {
    e.preventDefault();
    const form = e.currentTarget;
    void run(() => handler(new FormData(form), form)).then((ok) => ok && opts?.reset && form.reset());
  };
  return { busy, error, message, run, submit };
}
