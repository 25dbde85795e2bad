import { z } from "zod";
import { json, readJson } from "@/lib/http/handler";
import { adminRoute } from "@/lib/admin/route";
import { deleteAccount, updateAccount } from "@/lib/accounts/admin";

export const dynamic = "force-dynamic";
type P = { id: string };

const patch = z.object({
  name: z.string().trim().min(1, "名字不能为空").max(40, "名字最长 40 个字符").optional(),
  enabled: z.boolean({ error: "enabled 必须是 true 或 false" }).optional(),
  isDefault: z.literal(true, { error: "isDefault 只能设为 true（把这个账户设为默认）" }).optional(),
});

export const PATCH = adminRoute<P>(async (req, { params }) => json(await updateAccount((await params).id, await readJson(req, patch))));

export const DELETE = adminRoute<P>(async (_req, { params }) => {
  await deleteAccount((await params).id);
  return json({ ok: true });
});
