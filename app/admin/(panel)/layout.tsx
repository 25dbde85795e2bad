import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { ADMIN_COOKIE, verifySessionValue } from "@/lib/admin/auth";
import { AdminNav } from "@/components/admin/admin-nav";

/** Server-side guard for every admin page; the API checks again on each request. */
export default async function PanelLayout({ children }: { children: React.ReactNode }) {
  if (!verifySessionValue((await cookies()).get(ADMIN_COOKIE)?.value)) redirect("/admin/login");
  return (
    <>
      <AdminNav />
      <main className="mx-auto max-w-5xl space-y-4 px-4 py-4 sm:py-6">{children}</main>
    </>
  );
}
