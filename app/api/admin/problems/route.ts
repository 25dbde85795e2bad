import { json, owner } from "@/lib/http/door";
import { listProblems } from "@/lib/orders/problem-admin";

/** Readers' 付不了？ reports and what each did to its account. */
export const GET = owner(async () => json({ items: await listProblems() }));
