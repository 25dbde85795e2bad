import { z } from "zod";
import { json, readJson } from "@/lib/http/handler";
import { adminRoute } from "@/lib/admin/route";
import { createDevice, listDevices, PROTOCOLS } from "@/lib/notify/device-admin";
import { deviceSetup } from "@/lib/notify/device-setup";
import { siteOrigin } from "@/lib/http/origin";

export const dynamic = "force-dynamic";

const body = z.object({
  name: z.string().trim().min(1, "请给设备起个名字").max(60, "名字最长 60 个字符"),
  protocol: z.enum(PROTOCOLS, { error: "protocol 只能是 native、smsforwarder 或 vmq" }).default("native"),
});

export const GET = adminRoute(async () => json({ items: await listDevices() }));

/** The secret is in this response only; it is never listed again. */
export const POST = adminRoute(async (req) => {
  const { device, secret } = await createDevice(await readJson(req, body));
  return json({ device, secret, setup: deviceSetup(siteOrigin(req), device, secret) }, 201);
});
