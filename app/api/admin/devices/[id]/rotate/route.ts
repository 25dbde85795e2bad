import { json } from "@/lib/http/handler";
import { adminRoute } from "@/lib/admin/route";
import { rotateSecret } from "@/lib/devices/admin";
import { siteOrigin } from "@/lib/http/origin";

export const dynamic = "force-dynamic";

/** The old secret stops working at once; the new one is shown in this response only. */
export const POST = adminRoute<{ id: string }>(async (req, { params }) => json(await rotateSecret((await params).id, siteOrigin(req))));
