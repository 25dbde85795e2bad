import { json, readJson, reader } from "@/lib/http/door";
import { clientIp } from "@/lib/http/client-ip";
import { claimInput } from "@/lib/claims/input";
import { createClaim } from "@/lib/claims/create";

/** 我已付款: report a payment that unlocked nothing. The owner checks it; it never unlocks by itself. */
export const POST = reader(async ({ req, reader }) => {
  const input = await readJson(req, claimInput, 4096);
  return json(await createClaim(input, await reader.ensure(), clientIp(req)), 201);
});
