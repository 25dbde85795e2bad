import { RedeemManager } from "@/components/admin/redeem-manager";
import { requireAdminPage } from "@/app/admin/require-admin";

export const metadata = { title: "兑换码" };

export default async function Page() {
  await requireAdminPage();
  return <RedeemManager />;
}
