import { QrManager } from "@/components/admin/qr-manager";
import { requireAdminPage } from "@/app/admin/require-admin";

export const metadata = { title: "收款码" };

export default async function QrPage() {
  await requireAdminPage();
  return <QrManager />;
}
