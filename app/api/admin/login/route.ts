import { z } from "zod";
import { anyone, json, readJson } from "@/lib/http/door";
import { clientIp } from "@/lib/http/client-ip";
import { isHttps } from "@/lib/http/origin";
import { sessionCookie } from "@/lib/auth/owner";
import { login } from "@/lib/auth/login";

const body = z.object({ password: z.string({ error: "请输入密码" }).min(1, "请输入密码").max(200) });

/** Anyone may try; the password decides (throttled per address and across the site: lib/auth/login-limit.ts). */
export const POST = anyone(async ({ req }) => {
  const { password } = await readJson(req, body, 2048);
  const token = await login(password, { ip: clientIp(req), userAgent: req.headers.get("user-agent") });
  return json({ ok: true }, 200, { "set-cookie": sessionCookie(token, isHttps(req)) });
});
