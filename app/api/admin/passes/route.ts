import { json, owner, readJson } from "@/lib/http/door";
import { createPass, listPassesForAdmin, passInput } from "@/lib/passes/admin";

export const GET = owner(async () => json({ items: await listPassesForAdmin() }));

export const POST = owner(async ({ req }) => json(await createPass(await readJson(req, passInput, 4096)), 201));
