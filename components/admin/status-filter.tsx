"use client";
import type { Vocabulary } from "@/lib/vocabulary";
import { Select } from "@/components/admin/kit/controls";

type Options = readonly (readonly [string, string])[];

/** A vocabulary's states as filter options after 全部 (""); `lead` is listed before 全部, as the page's default view. */
export function statusOptions<S extends string>(vocab: Vocabulary<S>, lead?: S): Options {
  const rest = vocab.values.filter((v) => v !== lead).map((v) => [v, vocab.label(v)] as const);
  return [...(lead ? [[lead, vocab.label(lead)] as const] : []), ["", "全部"], ...rest];
}

interface StatusFilterProps {
  value: string;
  onChange: (value: string) => void;
  /** [value, label] pairs (statusOptions); "" means no filter. */
  options: Options;
}

/** The status dropdown above an admin list. */
export function StatusFilter({ value, onChange, options }: StatusFilterProps) {
  return <Select aria-label="按状态筛选" value={value} onChange={(e) => onChange(e.target.value)} options={options} className="text-sm" />;
}
