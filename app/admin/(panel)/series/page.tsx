import { SeriesManager } from "@/components/admin/series-manager";
import { requireAdminPage } from "@/app/admin/require-admin";

export const metadata = { title: "专栏" };

export default async function Page() {
  await requireAdminPage();
  return <SeriesManager />;
}
