import { QrManager } from "@/components/admin/qr-manager";

export const metadata = { title: "收款码" };

export default function QrPage() {
  return <QrManager />;
}
