import { z } from "zod";
import { json, readJson, sameSiteRoute } from "@/lib/http/handler";
import { clientIp } from "@/lib/http/client-ip";
import { existingReader } from "@/lib/readers/request";
import { reportProblem } from "@/lib/orders/problem";
import { MAX_PROBLEM_TEXT, PROBLEM_KINDS } from "@/lib/orders/problem-vocab";

export const dynamic = "force-dynamic";

const body = z.object({
  kind: z.enum(PROBLEM_KINDS, { error: `kind 必须是 ${PROBLEM_KINDS.join("、")} 之一` }),
  text: z.string().trim().max(MAX_PROBLEM_TEXT, `补充说明最长 ${MAX_PROBLEM_TEXT} 个字`).nullable().optional(),
});

/** 付不了？: what the wallet said. Alerts the owner; may stop the account and offer another (lib/orders/problem.ts). */
export const POST = sameSiteRoute<{ id: string }>(async (req, { params }) => {
  const { id } = await params;
  const input = await readJson(req, body, 4096);
  return json(await reportProblem(id, await existingReader(req), input, clientIp(req)), 201);
});
