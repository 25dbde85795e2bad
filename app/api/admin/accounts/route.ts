import { z } from "zod";
import { channelSchema } from "@/lib/channel-schema";
import { json, owner, readJson } from "@/lib/http/door";
import { createAccount, listAccounts } from "@/lib/accounts/admin";

const body = z.object({
  channel: channelSchema,
  name: z.string().trim().min(1, "请给收款账户起个名字（例如「小号微信」）").max(40, "名字最长 40 个字符"),
});

export const GET = owner(async () => json({ items: await listAccounts() }));

export const POST = owner(async ({ req }) => json(await createAccount(await readJson(req, body)), 201));
