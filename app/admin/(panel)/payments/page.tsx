import { PaymentInbox } from "@/components/admin/payment-inbox";
import { requireAdminPage } from "@/app/admin/require-admin";

export const metadata = { title: "收款" };

export default async function Page() {
  await requireAdminPage();
  return <PaymentInbox />;
}
