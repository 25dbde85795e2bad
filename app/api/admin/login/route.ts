import { z } from "zod";
import { json, readJson, route } from "@/lib/http/handler";
import { clientIp } from "@/lib/http/client-ip";
import { isHttps } from "@/lib/http/origin";
import { sessionCookie } from "@/lib/admin/auth";
import { login } from "@/lib/admin/login";

export const dynamic = "force-dynamic";

const body = z.object({ password: z.string({ error: "请输入密码" }).min(1, "请输入密码").max(200) });

export const POST = route(async (req) => {
  const { password } = await readJson(req, body, 2048);
  const token = await login(password, { ip: clientIp(req), userAgent: req.headers.get("user-agent") });
  return json({ ok: true }, 200, { "set-cookie": sessionCookie(token, isHttps(req)) });
});
