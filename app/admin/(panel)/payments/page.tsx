import { PaymentInbox } from "@/components/admin/payment-inbox";

export const metadata = { title: "收款" };

export default function Page() {
  return <PaymentInbox />;
}
