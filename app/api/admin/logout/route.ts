import { json, route } from "@/lib/http/handler";
import { clearedSessionCookie } from "@/lib/admin/auth";

export const dynamic = "force-dynamic";

export const POST = route(async () => json({ ok: true }, 200, { "set-cookie": clearedSessionCookie() }));
