"use client";
import { createContext, useContext, useId } from "react";
import { cx } from "@/components/admin/kit/cx";

interface FieldState {
  /** Label above a full-width control, or beside it in a row of fields. */
  stacked: boolean;
  describedBy?: string;
  invalid: boolean;
}
const FieldContext = createContext<FieldState>({ stacked: false, invalid: false });
/** How a control inside a Field looks and what describes it (the kit's Input, Select, TextArea read it). */
export const useField = () => useContext(FieldContext);

interface FieldProps {
  label: React.ReactNode;
  /** Shown under the field and read with it by screen readers. */
  hint?: React.ReactNode;
  error?: string | null;
  stacked?: boolean;
  className?: string;
  /** The control: the kit's Input, Select, TextArea, MoneyInput, or a select of the admin's own. */
  children: React.ReactNode;
}

/** A label wrapping its control (so getByLabel and screen readers find it), with an optional hint and error. */
export function Field({ label, hint, error, stacked = false, className, children }: FieldProps) {
  const id = useId();
  const describedBy = cx(hint != null && `${id}-hint`, error && `${id}-error`) || undefined;
  const field = (
    <label className={cx(stacked && "block", className)}>
      {label}
      <FieldContext.Provider value={{ stacked, describedBy, invalid: !!error }}>{children}</FieldContext.Provider>
    </label>
  );
  if (hint == null && !error) return field;
  return (
    <div>
      {field}
      {hint != null && (
        <p id={`${id}-hint`} className="text-xs text-stone-500">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} role="alert" className="text-xs text-red-600">
          {error}
        </p>
      )}
    </div>
  );
}

/** A checkbox with its words after it. */
export function Check({ label, ...props }: { label: React.ReactNode } & Omit<React.InputHTMLAttributes<HTMLInputElement>, "type">) {
  return (
    <label className="flex items-center gap-1">
      <input type="checkbox" {...props} /> {label}
    </label>
  );
}
