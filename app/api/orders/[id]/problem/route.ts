import { z } from "zod";
import { json, readJson, reader, segments } from "@/lib/http/door";
import { clientIp } from "@/lib/http/client-ip";
import { reportProblem } from "@/lib/orders/problem";
import { MAX_PROBLEM_TEXT, PROBLEM_KINDS } from "@/lib/orders/problem-vocab";

const body = z.object({
  kind: z.enum(PROBLEM_KINDS, { error: `kind 必须是 ${PROBLEM_KINDS.join("、")} 之一` }),
  text: z.string().trim().max(MAX_PROBLEM_TEXT, `补充说明最长 ${MAX_PROBLEM_TEXT} 个字`).nullable().optional(),
});

/** 付不了？: what the wallet said. Alerts the owner; may stop the account and offer another (lib/orders/problem.ts). */
export const POST = reader(
  async ({ req, params, reader }) => {
    const input = await readJson(req, body, 4096);
    return json(await reportProblem(params.id, await reader.existing(), input, clientIp(req)), 201);
  },
  { params: segments("id") },
);
