"use client";

interface StatusFilterProps {
  value: string;
  onChange: (value: string) => void;
  /** [value, label] pairs; "" means no filter. */
  options: readonly (readonly [string, string])[];
}

/** The status dropdown above an admin list. */
export function StatusFilter({ value, onChange, options }: StatusFilterProps) {
  return (
    <select
      aria-label="按状态筛选"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      className="rounded border border-stone-300 px-2 py-1 text-sm"
    >
      {options.map(([v, l]) => (
        <option key={v} value={v}>
          {l}
        </option>
      ))}
    </select>
  );
}
