import { DashboardView } from "@/components/admin/dashboard-view";

export const metadata = { title: "概览" };

export default function DashboardPage() {
  return <DashboardView />;
}
