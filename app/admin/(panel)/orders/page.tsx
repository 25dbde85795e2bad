import { OrderList } from "@/components/admin/order-list";

export const metadata = { title: "订单" };

export default function Page() {
  return <OrderList />;
}
