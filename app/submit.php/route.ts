import { clientIp } from "@/lib/http/client-ip";
import { siteOrigin } from "@/lib/http/origin";
import { readParams, htmlRefusal, refusalText } from "@/lib/gateway/http";
import { epayFields, epayOpen } from "@/lib/gateway/epay";

export const dynamic = "force-dynamic";

// 易支付 browser payment (GET link or POST form from the merchant's site) → our hosted checkout.
async function submit(req: Request): Promise<Response> {
  try {
    const { mo } = await epayOpen(epayFields(await readParams(req)), "submit", clientIp(req));
    return new Response(null, { status: 303, headers: { location: `${siteOrigin(req)}/pay/${mo.id}`, "cache-control": "no-store" } });
  } catch (e) {
    return htmlRefusal(refusalText(e, req));
  }
}

export const GET = submit;
export const POST = submit;
