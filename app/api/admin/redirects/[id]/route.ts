import { json } from "@/lib/http/handler";
import { adminRoute } from "@/lib/admin/route";
import { deleteRedirect } from "@/lib/redirects/admin";

export const dynamic = "force-dynamic";

export const DELETE = adminRoute<{ id: string }>(async (_req, { params }) => {
  await deleteRedirect((await params).id);
  return json({ ok: true });
});
