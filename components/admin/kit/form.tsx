import { cx } from "@/components/admin/kit/cx";

const LAYOUTS = {
  /** Fields side by side, wrapping; the submit row at the end. */
  row: "flex flex-wrap items-end gap-3",
  /** Fields one under another. */
  stack: "space-y-3",
  /** Two columns from tablet width up. */
  grid: "grid gap-3 sm:grid-cols-2",
  /** One input and its button on one line. */
  line: "flex gap-2",
} as const;

/** An admin form: one of three layouts, small text. */
export function Form({ layout = "row", className, ...props }: React.ComponentProps<"form"> & { layout?: keyof typeof LAYOUTS }) {
  return <form className={cx(LAYOUTS[layout], "text-sm", className)} {...props} />;
}

/** A short explanation under (or above, with `lead`) a list or a form. */
export function Note({ lead, children }: { lead?: boolean; children: React.ReactNode }) {
  return <p className={lead ? "mb-3 text-sm text-stone-500" : "mt-2 text-xs text-stone-500"}>{children}</p>;
}
