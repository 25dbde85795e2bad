import { DeviceManager } from "@/components/admin/device-manager";

export const metadata = { title: "设备" };

export default function DevicesPage() {
  return <DeviceManager />;
}
