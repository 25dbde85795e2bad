/**
 * The admin kit (docs/admin.md, "The admin kit"): the pieces every admin screen is built from. This half
 * holds cards, lists, tables, buttons, states and the secret box; ./forms holds fields and the submit state.
 * New screens import from these two rather than writing form and list markup again.
 */
export { Card } from "@/components/admin/card";
export { Notice } from "@/components/admin/notice";
export { TimeText } from "@/components/admin/time-text";
export { StatusFilter, statusOptions } from "@/components/admin/status-filter";
export { Button, type ButtonTone } from "@/components/admin/kit/button";
export { ActionButton } from "@/components/admin/kit/action-button";
export { ItemList, Row, RowActions, ListStates } from "@/components/admin/kit/item-list";
export { DataTable, type Column } from "@/components/admin/kit/data-table";
export { SecretOnce, type SecretField } from "@/components/admin/kit/secret-once";
export { Badge, StateBadge, StateDot, StateText } from "@/components/admin/kit/badge";
