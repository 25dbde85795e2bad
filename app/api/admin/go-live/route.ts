import { json } from "@/lib/http/handler";
import { adminRoute } from "@/lib/admin/route";
import { walkthrough } from "@/lib/admin/walkthrough";

export const dynamic = "force-dynamic";

/** The go-live walkthrough's state: codes → phone → test → done. */
export const GET = adminRoute(async () => json(await walkthrough()));
