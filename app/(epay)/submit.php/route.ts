import { merchant } from "@/lib/http/door";
import { clientIp } from "@/lib/http/client-ip";
import { siteOrigin } from "@/lib/http/origin";
import { epayFields, epayOpen } from "@/lib/gateway/epay";

// 易支付 browser payment (GET link or POST form from the merchant's site) → our hosted checkout.
const submit = merchant(
  async ({ req, query, body }) => {
    const { mo } = await epayOpen(epayFields({ query, body }), "submit", clientIp(req));
    return new Response(null, { status: 303, headers: { location: `${siteOrigin(req)}/pay/${mo.id}`, "cache-control": "no-store" } });
  },
  { errors: "html" },
);

export const GET = submit;
export const POST = submit;
