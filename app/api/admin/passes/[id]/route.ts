import { json, ok, owner, readJson, segments } from "@/lib/http/door";
import { deletePass, passPatch, updatePass } from "@/lib/passes/admin";

const params = segments("id");

export const PATCH = owner(async ({ req, params }) => json(await updatePass(params.id, await readJson(req, passPatch, 4096))), { params });

export const DELETE = owner(async ({ params }) => deletePass(params.id).then(ok), { params });
