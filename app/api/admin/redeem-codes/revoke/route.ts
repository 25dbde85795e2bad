import { json, owner, readJson } from "@/lib/http/door";
import { revokeCodes, revokeInput } from "@/lib/redeem/admin";

export const POST = owner(async ({ req }) => json(await revokeCodes(await readJson(req, revokeInput, 64 * 1024))));
