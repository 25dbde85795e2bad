import { json, readJson, sameSiteRoute } from "@/lib/http/handler";
import { clientIp } from "@/lib/http/client-ip";
import { readerFromRequest } from "@/lib/readers/request";
import { claimInput } from "@/lib/claims/input";
import { createClaim } from "@/lib/claims/create";

export const dynamic = "force-dynamic";

/** 我已付款: report a payment that unlocked nothing. The owner checks it; it never unlocks by itself. */
export const POST = sameSiteRoute(async (req) => {
  const input = await readJson(req, claimInput, 4096);
  const reader = await readerFromRequest(req);
  const claim = await createClaim(input, reader.readerId, clientIp(req));
  return json(claim, 201, reader.setCookie ? { "set-cookie": reader.setCookie } : {});
});
