import { json } from "@/lib/http/handler";
import { adminRoute } from "@/lib/admin/route";
import { endOtherSessions, listSessions } from "@/lib/admin/sessions";

export const dynamic = "force-dynamic";

export const GET = adminRoute(async (_req, _ctx, auth) =>
  json({ items: await listSessions(auth.via === "session" ? auth.sessionToken : null) }),
);

/** Signs out every other browser (this one stays signed in). */
export const DELETE = adminRoute(async (_req, _ctx, auth) =>
  json({ ended: await endOtherSessions(auth.via === "session" ? auth.sessionToken : null) }),
);
