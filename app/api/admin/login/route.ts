import { z } from "zod";
import { AppError } from "@/lib/errors";
import { json, readJson, route } from "@/lib/http/handler";
import { clientIp } from "@/lib/http/client-ip";
import { isHttps } from "@/lib/http/origin";
import { checkPassword, newSessionValue, requireAdminConfigured, sessionCookie } from "@/lib/admin/auth";
import { noteLoginFailure, refuseIfBlocked } from "@/lib/admin/login-limit";

export const dynamic = "force-dynamic";

const body = z.object({ password: z.string({ error: "请输入密码" }).min(1, "请输入密码").max(200) });

export const POST = route(async (req) => {
  requireAdminConfigured();
  const { password } = await readJson(req, body, 2048);
  const ip = clientIp(req);
  await refuseIfBlocked(ip);
  if (!checkPassword(password)) {
    await noteLoginFailure(ip);
    throw new AppError("unauthorized", "密码错误。");
  }
  return json({ ok: true }, 200, { "set-cookie": sessionCookie(newSessionValue(), isHttps(req)) });
});
