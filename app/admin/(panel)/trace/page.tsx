import { LeakTracer } from "@/components/admin/leak-tracer";
import { requireAdminPage } from "@/app/admin/require-admin";

export const metadata = { title: "泄露追踪" };

export default async function Page() {
  await requireAdminPage();
  return <LeakTracer />;
}
