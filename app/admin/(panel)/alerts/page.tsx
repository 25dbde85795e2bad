import { AlertManager } from "@/components/admin/alert-manager";
import { requireAdminPage } from "@/app/admin/require-admin";

export const metadata = { title: "提醒" };

export default async function AlertsPage() {
  await requireAdminPage();
  return <AlertManager />;
}
