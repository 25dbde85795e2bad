import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { ADMIN_COOKIE, verifySessionValue } from "@/lib/admin/auth";

/**
 * Every admin page calls this itself, not only the layout: on a client-side
 * navigation Next.js renders just the changed segments and skips layouts the
 * browser says it already has, so a layout-only check can be walked around
 * with a hand-made RSC request.
 */
export async function requireAdminPage(): Promise<void> {
  if (!verifySessionValue((await cookies()).get(ADMIN_COOKIE)?.value)) redirect("/admin/login");
}
