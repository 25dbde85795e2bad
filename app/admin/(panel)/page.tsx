import { DashboardView } from "@/components/admin/dashboard-view";
import { requireAdminPage } from "@/app/admin/require-admin";

export const metadata = { title: "概览" };

export default async function DashboardPage() {
  await requireAdminPage();
  return <DashboardView />;
}
