"use client";
import { cx } from "@/components/admin/kit/cx";
import { useField } from "@/components/admin/kit/field";

const BORDER = "rounded border border-stone-300";

/** The look of a control in its Field: beside the label in a row, or under it (full width unless `className` sets a width). */
function useControl(className: string | undefined, invalid: React.AriaAttributes["aria-invalid"]) {
  const f = useField();
  const width = /(^|\s)w-/.test(className ?? "") ? "" : "w-full";
  return {
    className: cx(BORDER, f.stacked ? `mt-1 block px-3 py-2 ${width}` : "ml-1 px-2 py-1", className),
    "aria-describedby": f.describedBy,
    "aria-invalid": invalid ?? (f.invalid || undefined),
  };
}

export function Input({ className, "aria-invalid": invalid, ...props }: React.ComponentProps<"input">) {
  return <input {...props} {...useControl(className, invalid)} />;
}

export function TextArea({ className, "aria-invalid": invalid, ...props }: React.ComponentProps<"textarea">) {
  return <textarea {...props} {...useControl(className, invalid)} />;
}

/** A select; `options` as [value, label] pairs, or <option> children. */
export function Select({
  options,
  className,
  children,
  "aria-invalid": invalid,
  ...props
}: React.ComponentProps<"select"> & { options?: readonly (readonly [string, string])[] }) {
  return (
    <select {...props} {...useControl(className, invalid)}>
      {options?.map(([v, l]) => (
        <option key={v} value={v}>
          {l}
        </option>
      ))}
      {children}
    </select>
  );
}
