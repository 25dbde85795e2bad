import { json, owner } from "@/lib/http/door";
import { pidParams, rotateMerchantKey } from "@/lib/gateway/merchants";

export const POST = owner(async ({ params }) => json(await rotateMerchantKey(params.pid)), { params: pidParams });
