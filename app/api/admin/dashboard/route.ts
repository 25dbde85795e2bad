import { json, owner } from "@/lib/http/door";
import { dashboard } from "@/lib/admin/dashboard";

export const GET = owner(async () => json(await dashboard()));
