import { OrderList } from "@/components/admin/order-list";
import { requireAdminPage } from "@/app/admin/require-admin";

export const metadata = { title: "订单" };

export default async function Page() {
  await requireAdminPage();
  return <OrderList />;
}
