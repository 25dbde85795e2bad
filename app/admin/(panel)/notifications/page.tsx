import { NotificationLog } from "@/components/admin/notification-log";
import { requireAdminPage } from "@/app/admin/require-admin";

export const metadata = { title: "通知日志" };

export default async function Page() {
  await requireAdminPage();
  return <NotificationLog />;
}
