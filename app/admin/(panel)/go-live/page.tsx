import { GoLive } from "@/components/admin/go-live";
import { requireAdminPage } from "@/app/admin/require-admin";

export const metadata = { title: "上线向导" };

export default async function GoLivePage() {
  await requireAdminPage();
  return <GoLive />;
}
