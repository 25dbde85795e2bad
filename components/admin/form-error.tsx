"use client";
import { FormMessage } from "@/components/admin/kit/form-message";

/**
 * Kept so admin screens written before the kit still build; new code imports useFormAction,
 * SubmitRow and the controls from @/components/admin/kit.
 */
export { useFormAction } from "@/components/admin/kit/use-form-action";

export function FormError({ error }: { error: string | null }) {
  return <FormMessage error={error} />;
}

export const inputClass = "rounded border border-stone-300 px-2 py-1";
