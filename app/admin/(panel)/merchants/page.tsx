import { MerchantManager } from "@/components/admin/merchant-manager";
import { requireAdminPage } from "@/app/admin/require-admin";

export const metadata = { title: "网关商户" };

export default async function Page() {
  await requireAdminPage();
  return <MerchantManager />;
}
