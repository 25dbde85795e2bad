"use client";
import { Field } from "@/components/admin/kit/field";
import { Input, Select, TextArea } from "@/components/admin/kit/controls";
import { MoneyInput } from "@/components/admin/kit/money-input";

/** What a one-line field adds to its control's own props. */
interface FieldOwn {
  label: React.ReactNode;
  hint?: React.ReactNode;
  error?: string | null;
  stacked?: boolean;
  /** Classes for the field (its label), e.g. flex-1 in a row; `className` goes to the control. */
  fieldClassName?: string;
}

/** A labelled text (number, date, password …) input in one line: <TextField label="名称" name="name" required />. */
export function TextField({ label, hint, error, stacked, fieldClassName, ...input }: FieldOwn & React.ComponentProps<typeof Input>) {
  return (
    <Field label={label} hint={hint} error={error} stacked={stacked} className={fieldClassName}>
      <Input {...input} />
    </Field>
  );
}

/** A labelled amount in yuan, read back as cents with readCents. */
export function MoneyField({ label, hint, error, stacked, fieldClassName, ...input }: FieldOwn & React.ComponentProps<typeof MoneyInput>) {
  return (
    <Field label={label} hint={hint} error={error} stacked={stacked} className={fieldClassName}>
      <MoneyInput {...input} />
    </Field>
  );
}

/** A labelled select with [value, label] options. */
export function SelectField({ label, hint, error, stacked, fieldClassName, ...select }: FieldOwn & React.ComponentProps<typeof Select>) {
  return (
    <Field label={label} hint={hint} error={error} stacked={stacked} className={fieldClassName}>
      <Select {...select} />
    </Field>
  );
}

/** A labelled multi-line text, always under its label. */
export function TextAreaField({
  label,
  hint,
  error,
  fieldClassName,
  ...area
}: Omit<FieldOwn, "stacked"> & React.ComponentProps<typeof TextArea>) {
  return (
    <Field label={label} hint={hint} error={error} stacked className={fieldClassName}>
      <TextArea {...area} />
    </Field>
  );
}
