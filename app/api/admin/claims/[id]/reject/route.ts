import { z } from "zod";
import { json, readJson } from "@/lib/http/handler";
import { adminRoute } from "@/lib/admin/route";
import { rejectClaim } from "@/lib/claims/admin";

export const dynamic = "force-dynamic";

const body = z.object({ note: z.string().trim().max(200, "说明最长 200 个字").optional() });

export const POST = adminRoute<{ id: string }>(async (req, { params }) => {
  const { note } = await readJson(req, body, 2048);
  return json(await rejectClaim((await params).id, note));
});
