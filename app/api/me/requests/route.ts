import { z } from "zod";
import { json, readJson, reader } from "@/lib/http/door";
import { clientIp } from "@/lib/http/client-ip";
import { createRequest } from "@/lib/requests/reader";
import { MAX_REQUEST_CONTACT, MAX_REQUEST_MESSAGE, REQUEST_KINDS } from "@/lib/requests/vocab";

const body = z.object({
  orderId: z.string({ error: "请指明是哪一笔购买（orderId）" }).trim().min(1).max(64),
  kind: z.enum(REQUEST_KINDS, { error: "kind 必须是 refund（申请退款）或 problem（有问题）" }),
  message: z
    .string({ error: "请写下你的问题" })
    .trim()
    .min(1, "请写下你的问题")
    .max(MAX_REQUEST_MESSAGE, `最多 ${MAX_REQUEST_MESSAGE} 个字`),
  contact: z.string().trim().max(MAX_REQUEST_CONTACT, `联系方式最多 ${MAX_REQUEST_CONTACT} 个字`).nullable().optional(),
});

/** 申请退款 / 有问题 about a purchase: reaches the owner's inbox with the promised response time (lib/requests/reader.ts). */
export const POST = reader(async ({ req, reader }) => {
  const input = await readJson(req, body, 4096);
  return json(await createRequest(await reader.existing(), input, clientIp(req)), 201);
});
