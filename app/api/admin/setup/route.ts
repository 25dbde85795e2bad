import { z } from "zod";
import { anyone, json, readJson } from "@/lib/http/door";
import { clientIp } from "@/lib/http/client-ip";
import { isHttps } from "@/lib/http/origin";
import { requireCredential, sessionCookie } from "@/lib/auth/owner";
import { completeSetup } from "@/lib/auth/setup";
import { createSession } from "@/lib/auth/sessions";

const body = z.object({
  token: z.string({ error: "缺少设置链接中的令牌" }).min(1).max(200),
  password: z.string({ error: "请输入密码" }).max(200),
});

/** First-run setup: the one-time link's token and the owner's new password → stored hash + a session. */
export const POST = anyone(
  async ({ req }) => {
    const { token, password } = await readJson(req, body, 2048);
    await completeSetup(token, password);
    const session = await createSession(await requireCredential(), { ip: clientIp(req), userAgent: req.headers.get("user-agent") });
    return json({ ok: true }, 201, { "set-cookie": sessionCookie(session, isHttps(req)) });
  },
  { sameOrigin: true },
);
