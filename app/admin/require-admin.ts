import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { ADMIN_COOKIE } from "@/lib/auth/owner";
import { verifySession } from "@/lib/auth/sessions";

/**
 * Every admin page calls this itself, not only the layout: on a client-side
 * navigation Next.js renders just the changed segments and skips layouts the
 * browser says it already has, so a layout-only check can be walked around
 * with a hand-made RSC request.
 */
export async function requireAdminPage(): Promise<void> {
  if (!(await verifySession((await cookies()).get(ADMIN_COOKIE)?.value))) redirect("/admin/login");
}
