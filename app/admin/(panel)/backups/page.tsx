import { BackupManager } from "@/components/admin/backup-manager";
import { requireAdminPage } from "@/app/admin/require-admin";

export const metadata = { title: "备份" };

export default async function BackupsPage() {
  await requireAdminPage();
  return <BackupManager />;
}
