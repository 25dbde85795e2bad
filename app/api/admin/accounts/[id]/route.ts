import { z } from "zod";
import { json, ok, owner, readJson, segments } from "@/lib/http/door";
import { deleteAccount, updateAccount } from "@/lib/accounts/admin";

const ceiling = (what: string, max: number) =>
  z
    .number({ error: `${what}必须是整数或 null` })
    .int(`${what}必须是整数`)
    .min(1, `${what}至少为 1`)
    .max(max, `${what}过大`)
    .nullable()
    .optional();

const patch = z.object({
  name: z.string().trim().min(1, "名字不能为空").max(40, "名字最长 40 个字符").optional(),
  enabled: z.boolean({ error: "enabled 必须是 true 或 false" }).optional(),
  isDefault: z.literal(true, { error: "isDefault 只能设为 true（把这个账户设为默认）" }).optional(),
  payeeName: z
    .string()
    .trim()
    .max(40, "收款人名称最长 40 个字符")
    .transform((s) => s || null)
    .nullable()
    .optional(),
  /** Daily ceilings (China day); null removes one (lib/accounts/ceilings.ts). */
  limits: z
    .object({
      perDayCount: ceiling("每日笔数", 100_000),
      perDayCents: ceiling("每日金额（分）", 100_000_000),
      perDaySameAmount: ceiling("同一金额每日笔数", 100_000),
    })
    .strict()
    .optional(),
  resume: z.literal(true, { error: "resume 只能是 true（恢复为正常）" }).optional(),
  pause: z.literal(true, { error: "pause 只能是 true（暂停）" }).optional(),
});
const params = segments("id");

export const PATCH = owner(async ({ req, params }) => json(await updateAccount(params.id, await readJson(req, patch))), { params });

export const DELETE = owner(async ({ params }) => deleteAccount(params.id).then(ok), { params });
