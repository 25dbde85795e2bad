import { requireAdminPage } from "@/app/admin/require-admin";
import { AdminShell } from "@/components/admin/admin-shell";

/** Server-side guard for every admin page; the API checks again on each request. */
export default async function PanelLayout({ children }: { children: React.ReactNode }) {
  await requireAdminPage();
  return <AdminShell>{children}</AdminShell>;
}
