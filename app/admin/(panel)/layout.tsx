import { requireAdminPage } from "@/app/admin/require-admin";
import { AdminNav } from "@/components/admin/admin-nav";

/** Server-side guard for every admin page; the API checks again on each request. */
export default async function PanelLayout({ children }: { children: React.ReactNode }) {
  await requireAdminPage();
  return (
    <>
      <AdminNav />
      <main className="mx-auto max-w-5xl space-y-4 px-4 py-4 sm:py-6">{children}</main>
    </>
  );
}
