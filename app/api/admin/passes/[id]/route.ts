import { json, readJson } from "@/lib/http/handler";
import { adminRoute } from "@/lib/admin/route";
import { deletePass, passPatch, updatePass } from "@/lib/passes/admin";

export const dynamic = "force-dynamic";
type P = { id: string };

export const PATCH = adminRoute<P>(async (req, { params }) =>
  json(await updatePass((await params).id, await readJson(req, passPatch, 4096))),
);

export const DELETE = adminRoute<P>(async (_req, { params }) => {
  await deletePass((await params).id);
  return json({ ok: true });
});
