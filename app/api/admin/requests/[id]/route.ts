import { z } from "zod";
import { json, owner, readJson, segments } from "@/lib/http/door";
import { resolveRequest } from "@/lib/requests/admin";
import { MAX_REQUEST_REPLY, RESOLUTIONS } from "@/lib/requests/vocab";

const body = z.object({
  resolution: z.enum(RESOLUTIONS, { error: "resolution 必须是 refunded（已退款）或 resolved（已解决）" }),
  reply: z.string().trim().max(MAX_REQUEST_REPLY, `答复最多 ${MAX_REQUEST_REPLY} 个字`).nullable().optional(),
});

/** 已退款 revokes the purchase and marks its payment refunded; 已解决 needs a reply the reader sees. */
export const PATCH = owner(async ({ req, params }) => json(await resolveRequest(params.id, await readJson(req, body))), {
  params: segments("id"),
});
