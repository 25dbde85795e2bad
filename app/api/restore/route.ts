import { z } from "zod";
import { AppError } from "@/lib/errors";
import { readText, route } from "@/lib/http/handler";
import { isHttps, sameOrigin } from "@/lib/http/origin";
import { confirmRestore } from "@/lib/readers/restore";
import { readerCookieHeader } from "@/lib/readers/session";

export const dynamic = "force-dynamic";

const form = z.object({ token: z.string().min(1).max(200) });

/**
 * POST /api/restore (form from /restore/{token}): this device takes the link's
 * reader id. Same-origin only, so another site cannot switch a visitor's device.
 */
export const POST = route(async (req) => {
  if (!sameOrigin(req)) throw new AppError("forbidden", "跨站请求被拒绝。");
  const { token } = form.parse(Object.fromEntries(new URLSearchParams(await readText(req, 2048))));
  const readerId = confirmRestore(token);
  return new Response(null, {
    status: 303,
    headers: { location: "/me?restored=1", "set-cookie": readerCookieHeader(readerId, isHttps(req)), "cache-control": "no-store" },
  });
});
