import { SettingsView } from "@/components/admin/settings-view";
import { requireAdminPage } from "@/app/admin/require-admin";
import { envPassword } from "@/lib/admin/credential";

export const metadata = { title: "设置" };

export default async function SettingsPage() {
  await requireAdminPage();
  return <SettingsView envPassword={!!envPassword()} />;
}
