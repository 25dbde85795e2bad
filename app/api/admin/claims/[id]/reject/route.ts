import { z } from "zod";
import { json, owner, readJson, segments } from "@/lib/http/door";
import { rejectClaim } from "@/lib/claims/admin";

const body = z.object({ note: z.string().trim().max(200, "说明最长 200 个字").optional() });

export const POST = owner(
  async ({ req, params }) => {
    const { note } = await readJson(req, body, 2048);
    return json(await rejectClaim(params.id, note));
  },
  { params: segments("id") },
);
