import { json, owner } from "@/lib/http/door";
import { endOtherSessions, listSessions } from "@/lib/auth/sessions";

export const GET = owner(async ({ auth }) => json({ items: await listSessions(auth.via === "session" ? auth.sessionToken : null) }));

/** Signs out every other browser (this one stays signed in). */
export const DELETE = owner(async ({ auth }) => json({ ended: await endOtherSessions(auth.via === "session" ? auth.sessionToken : null) }));
