import { RestoreLinks } from "@/components/admin/restore-links";
import { requireAdminPage } from "@/app/admin/require-admin";

export const metadata = { title: "恢复链接" };

export default async function Page() {
  await requireAdminPage();
  return <RestoreLinks />;
}
