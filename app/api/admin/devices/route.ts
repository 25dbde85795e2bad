import { z } from "zod";
import { json, owner, readJson } from "@/lib/http/door";
import { createDevice, listDevices } from "@/lib/devices/admin";
import { protocolSchema } from "@/lib/protocols";
import { siteOrigin } from "@/lib/http/origin";
import { assignFields } from "@/lib/devices/assign-schema";

const body = z.object({
  name: z.string().trim().min(1, "请给设备起个名字").max(60, "名字最长 60 个字符"),
  protocol: protocolSchema.default("native"),
  /** The receiving accounts this phone reports for (and its role on each); none = every channel's default account. */
  ...assignFields,
  /** The owner's own key (e.g. one an existing phone already uses); generated when absent. */
  secret: z.preprocess((v) => (v === "" || v === null ? undefined : v), z.string().max(200, "密钥最长 200 个字符").optional()),
});

export const GET = owner(async () => json({ items: await listDevices() }));

/** The secret is in this response only; it is never listed again. */
export const POST = owner(async ({ req }) => json(await createDevice(await readJson(req, body), siteOrigin(req)), 201));
