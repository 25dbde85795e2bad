import { z } from "zod";
import { json, ok, owner, readJson, segments } from "@/lib/http/door";
import { deleteAccount, updateAccount } from "@/lib/accounts/admin";

const patch = z.object({
  name: z.string().trim().min(1, "名字不能为空").max(40, "名字最长 40 个字符").optional(),
  enabled: z.boolean({ error: "enabled 必须是 true 或 false" }).optional(),
  isDefault: z.literal(true, { error: "isDefault 只能设为 true（把这个账户设为默认）" }).optional(),
});
const params = segments("id");

export const PATCH = owner(async ({ req, params }) => json(await updateAccount(params.id, await readJson(req, patch))), { params });

export const DELETE = owner(async ({ params }) => deleteAccount(params.id).then(ok), { params });
