import { json, owner, readJson } from "@/lib/http/door";
import { merchantPatch, merchantView, pidParams, requireMerchant, updateMerchant } from "@/lib/gateway/merchants";

export const GET = owner(async ({ params }) => json(merchantView(await requireMerchant(params.pid))), { params: pidParams });

export const PATCH = owner(async ({ req, params }) => json(await updateMerchant(params.pid, await readJson(req, merchantPatch, 8192))), {
  params: pidParams,
});
