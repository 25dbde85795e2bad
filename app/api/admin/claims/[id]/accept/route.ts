import { z } from "zod";
import { json, owner, readJson, segments } from "@/lib/http/door";
import { acceptClaim } from "@/lib/claims/admin";

const body = z.object({
  /** The unmatched payment that is the reader's; without it, a payment the owner confirmed from their bill is recorded. */
  paymentId: z.string().trim().min(1).max(64).optional(),
  force: z.boolean({ error: "force 必须是 true 或 false" }).optional(),
});

export const POST = owner(
  async ({ req, params }) => {
    const { paymentId, force } = await readJson(req, body, 1024);
    return json(await acceptClaim(params.id, { paymentId, force }));
  },
  { params: segments("id") },
);
