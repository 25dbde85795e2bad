import { DeviceManager } from "@/components/admin/device-manager";
import { requireAdminPage } from "@/app/admin/require-admin";

export const metadata = { title: "设备" };

export default async function DevicesPage() {
  await requireAdminPage();
  return <DeviceManager />;
}
