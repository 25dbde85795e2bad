import { CouponManager } from "@/components/admin/coupon-manager";
import { requireAdminPage } from "@/app/admin/require-admin";

export const metadata = { title: "优惠码" };

export default async function Page() {
  await requireAdminPage();
  return <CouponManager />;
}
