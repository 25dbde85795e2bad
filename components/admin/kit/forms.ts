/** The admin kit's form half (docs/admin.md, "The admin kit"): fields, controls, the submit state and row. */
export { Form, Note } from "@/components/admin/kit/form";
export { Field, Check } from "@/components/admin/kit/field";
export { TextField, MoneyField, SelectField, TextAreaField } from "@/components/admin/kit/fields";
export { Input, Select, TextArea } from "@/components/admin/kit/controls";
export { MoneyInput, readCents } from "@/components/admin/kit/money-input";
export { useFormAction, FormProblem, type FormAction } from "@/components/use-form-action";
export { SubmitRow } from "@/components/admin/kit/submit-row";
export { FormMessage } from "@/components/admin/kit/form-message";
