import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { clientIp } from "@/lib/http/client-ip";
import { isAppError } from "@/lib/errors";
import { checkoutView } from "@/lib/gateway/checkout";
import { HostedCheckout } from "@/components/checkout/hosted-checkout";

// Built per request from the database (and the reader's cookie): never prerendered at build time.
export const dynamic = "force-dynamic";
export const metadata = { title: "付款", robots: { index: false, follow: false } };

type Props = { params: Promise<{ tradeNo: string }> };

// The hosted checkout of a gateway payment (易支付 payurl / submit.php, V免签 isHtml=1).
export default async function Page({ params }: Props) {
  const view = await checkoutView((await params).tradeNo, clientIp(await headers())).catch((e) => {
    if (isAppError(e) && e.code === "order_not_found") notFound();
    if (isAppError(e) && e.code === "rate_limited") return e.message;
    throw e;
  });
  if (typeof view === "string") {
    return <p className="mx-auto max-w-sm py-16 text-center text-stone-700">{view}，请稍后刷新本页。</p>;
  }
  return <HostedCheckout view={view} />;
}
