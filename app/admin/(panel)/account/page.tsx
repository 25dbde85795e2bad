import { SettingsView } from "@/components/admin/settings-view";
import { requireAdminPage } from "@/app/admin/require-admin";
import { envPassword } from "@/lib/auth/credential";

export const metadata = { title: "账号与导出" };

export default async function AccountPage() {
  await requireAdminPage();
  return <SettingsView envPassword={!!envPassword()} />;
}
