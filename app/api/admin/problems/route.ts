import { json } from "@/lib/http/handler";
import { adminRoute } from "@/lib/admin/route";
import { listProblems } from "@/lib/orders/problem-admin";

export const dynamic = "force-dynamic";

/** Readers' 付不了？ reports and what each did to its account. */
export const GET = adminRoute(async () => json({ items: await listProblems() }));
