import { ReconcileManager } from "@/components/admin/reconcile-manager";
import { requireAdminPage } from "@/app/admin/require-admin";

export const metadata = { title: "对账" };

export default async function ReconcilePage() {
  await requireAdminPage();
  return <ReconcileManager />;
}
