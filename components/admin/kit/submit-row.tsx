"use client";
import type { FormAction } from "@/components/use-form-action";
import { Button } from "@/components/admin/kit/button";
import { FormMessage } from "@/components/admin/kit/form-message";

interface SubmitRowProps {
  /** The form's state from useFormAction. */
  form: Pick<FormAction, "busy" | "error" | "message">;
  label: string;
  /** The button's words while the request runs (保存中…); without it the button is only disabled. */
  pending?: string;
  /** A full-width button (login, first-run setup). */
  wide?: boolean;
  children?: React.ReactNode;
}

/** The submit button, disabled while sending, and what came back: the server's error or the success note. */
export function SubmitRow({ form, label, pending, wide, children }: SubmitRowProps) {
  return (
    <>
      <Button type="submit" disabled={form.busy} className={wide ? "w-full font-medium" : undefined}>
        {form.busy && pending ? pending : label}
      </Button>
      {children}
      <FormMessage error={form.error} message={form.message} />
    </>
  );
}
