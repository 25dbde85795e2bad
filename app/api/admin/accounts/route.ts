import { z } from "zod";
import { channelSchema } from "@/lib/channel-schema";
import { json, readJson } from "@/lib/http/handler";
import { adminRoute } from "@/lib/admin/route";
import { createAccount, listAccounts } from "@/lib/accounts/admin";

export const dynamic = "force-dynamic";

const body = z.object({
  channel: channelSchema,
  name: z.string().trim().min(1, "请给收款账户起个名字（例如「小号微信」）").max(40, "名字最长 40 个字符"),
});

export const GET = adminRoute(async () => json({ items: await listAccounts() }));

export const POST = adminRoute(async (req) => json(await createAccount(await readJson(req, body)), 201));
