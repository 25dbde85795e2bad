import { AccountManager } from "@/components/admin/account-manager";
import { requireAdminPage } from "@/app/admin/require-admin";

export const metadata = { title: "收款账户" };

export default async function AccountsPage() {
  await requireAdminPage();
  return <AccountManager />;
}
