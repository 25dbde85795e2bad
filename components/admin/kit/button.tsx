import { cx } from "@/components/admin/kit/cx";

export type ButtonTone =
  "primary" | "success" | "secondary" | "outline" | "link" | "danger" | "danger-outline" | "danger-solid" | "confirm";

const TONES: Record<ButtonTone, string> = {
  primary: "rounded-lg bg-stone-900 px-4 py-1.5 text-white",
  success: "rounded-lg bg-emerald-600 px-4 py-1.5 text-white",
  secondary: "rounded-lg bg-stone-200 px-4 py-1.5",
  outline: "rounded border border-stone-300 px-2 py-0.5",
  link: "text-stone-600 underline",
  danger: "text-red-600 underline",
  "danger-outline": "rounded border border-red-200 px-2 py-0.5 text-red-700",
  "danger-solid": "rounded bg-red-600 px-3 py-1 text-white",
  confirm: "rounded bg-emerald-600 px-2 py-1 text-white",
};

/** The admin's buttons: one look per tone. type="button" unless said otherwise. */
export function Button({
  tone = "primary",
  className,
  type = "button",
  ...props
}: React.ButtonHTMLAttributes<HTMLButtonElement> & { tone?: ButtonTone }) {
  return <button type={type} className={cx(TONES[tone], "disabled:opacity-50", className)} {...props} />;
}
