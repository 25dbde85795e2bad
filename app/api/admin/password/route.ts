import { z } from "zod";
import { AppError } from "@/lib/errors";
import { json, owner, readJson } from "@/lib/http/door";
import { clientIp } from "@/lib/http/client-ip";
import { isHttps } from "@/lib/http/origin";
import { sessionCookie } from "@/lib/auth/owner";
import { changePassword } from "@/lib/auth/password";

const body = z.object({
  current: z.string({ error: "请输入当前密码" }).min(1, "请输入当前密码").max(200),
  password: z.string({ error: "请输入新密码" }).max(200),
});

/** Changes the stored password; every session ends, and a browser session gets a fresh one. */
export const POST = owner(async ({ req, auth }) => {
  if (auth.via !== "session") throw new AppError("forbidden", "请在浏览器里登录管理后台后修改密码。");
  const { current, password } = await readJson(req, body, 2048);
  const token = await changePassword(current, password, { ip: clientIp(req), userAgent: req.headers.get("user-agent") });
  return json({ ok: true }, 200, { "set-cookie": sessionCookie(token, isHttps(req)) });
});
