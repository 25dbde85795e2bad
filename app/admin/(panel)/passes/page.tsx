import { PassManager } from "@/components/admin/pass-manager";
import { requireAdminPage } from "@/app/admin/require-admin";

export const metadata = { title: "全站通" };

export default async function Page() {
  await requireAdminPage();
  return <PassManager />;
}
