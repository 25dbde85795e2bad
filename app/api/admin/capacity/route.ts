import { json, owner } from "@/lib/http/door";
import { capacityReport } from "@/lib/orders/capacity";

export const GET = owner(async () => json(await capacityReport()));
