"use client";

export interface CodeKind {
  /** The input's accessible name (优惠码, 兑换码). */
  label: string;
  placeholder: string;
  maxLength: number;
  /** The button's word (使用, 兑换). */
  action: string;
}

interface CodeEntryProps {
  kind: CodeKind;
  value: string;
  onChange: (value: string) => void;
  onSubmit: () => void;
  busy: boolean;
  className?: string;
  inputClassName?: string;
  /** Under the input and the button, inside the form (an error). */
  children?: React.ReactNode;
}

/** A code a reader types and submits: a coupon in the payment dialog, a redeem code in 我的购买. */
export function CodeEntry({ kind, value, onChange, onSubmit, busy, className = "", inputClassName = "", children }: CodeEntryProps) {
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
      className={`flex flex-wrap gap-2 ${className}`}
    >
      <input
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-label={kind.label}
        placeholder={kind.placeholder}
        autoComplete="off"
        maxLength={kind.maxLength}
        className={`min-w-0 flex-1 rounded border border-stone-300 px-2 py-1 uppercase ${inputClassName}`}
      />
      <button type="submit" disabled={busy || !value.trim()} className="rounded bg-stone-900 px-3 py-1 text-white disabled:opacity-50">
        {kind.action}
      </button>
      {children}
    </form>
  );
}
