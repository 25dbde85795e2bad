"use client";
import { useState } from "react";
import { formatCents, yuanToCents } from "@/lib/money";
import { Input } from "@/components/admin/kit/controls";

type MoneyInputProps = Omit<React.InputHTMLAttributes<HTMLInputElement>, "defaultValue" | "type"> & {
  /** The amount shown at first, in cents (typed and shown in yuan). */
  defaultCents?: number | null;
};

/**
 * An amount in yuan as the owner types it (9.9, 1,430.00); forms read it back as integer cents with
 * readCents. Marked invalid while the text is not an amount, so the owner sees it before sending.
 */
export function MoneyInput({ defaultCents, onChange, ...props }: MoneyInputProps) {
  const [bad, setBad] = useState(false);
  return (
    <Input
      inputMode="decimal"
      autoComplete="off"
      {...props}
      defaultValue={props.value === undefined && defaultCents != null ? formatCents(defaultCents) : undefined}
      aria-invalid={bad || undefined}
      onChange={(e) => {
        const text = e.target.value.trim();
        setBad(text !== "" && yuanToCents(text) === null);
        onChange?.(e);
      }}
    />
  );
}

/**
 * The cents a MoneyInput named `name` holds: `blank` when it was left empty (null unless given),
 * null when the text is not an amount. Forms send `?? -1` for null so the server refuses it with its own message.
 */
export function readCents(data: FormData, name: string, blank: number | null = null): number | null {
  const text = String(data.get(name) ?? "").trim();
  return text === "" ? blank : yuanToCents(text);
}
