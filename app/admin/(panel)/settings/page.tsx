import { SettingsForm } from "@/components/admin/settings-form";
import { requireAdminPage } from "@/app/admin/require-admin";

export const metadata = { title: "站点设置" };

export default async function SettingsPage() {
  await requireAdminPage();
  return <SettingsForm />;
}
