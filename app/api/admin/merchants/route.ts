import { json, owner, readJson } from "@/lib/http/door";
import { createMerchant, listMerchants, merchantInput } from "@/lib/gateway/merchants";

export const GET = owner(async () => json({ items: await listMerchants() }));

// The key is in this answer only (and in the rotate answer): it is never listed.
export const POST = owner(async ({ req }) => json(await createMerchant(await readJson(req, merchantInput, 8192)), 201));
