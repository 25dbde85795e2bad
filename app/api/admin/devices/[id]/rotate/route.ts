import { json, owner, segments } from "@/lib/http/door";
import { rotateSecret } from "@/lib/devices/admin";
import { siteOrigin } from "@/lib/http/origin";

/** The old secret stops working at once; the new one is shown in this response only. */
export const POST = owner(async ({ req, params }) => json(await rotateSecret(params.id, siteOrigin(req))), { params: segments("id") });
