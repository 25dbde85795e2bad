import { NotificationLog } from "@/components/admin/notification-log";

export const metadata = { title: "通知日志" };

export default function Page() {
  return <NotificationLog />;
}
