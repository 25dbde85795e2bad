import { json, readText, route } from "@/lib/http/handler";
import { clientIp } from "@/lib/readers/request";
import { pickHeaders } from "@/lib/notify/audit";
import { ingestNative } from "@/lib/notify/native";

export const dynamic = "force-dynamic";

export const POST = route(async (req) => {
  const body = await readText(req, 16 * 1024);
  const result = await ingestNative({
    protocol: "native",
    method: "POST",
    path: new URL(req.url).pathname,
    headers: pickHeaders(req),
    body,
    remoteIp: clientIp(req),
    signed: {
      "webhook-id": req.headers.get("webhook-id"),
      "webhook-timestamp": req.headers.get("webhook-timestamp"),
      "webhook-signature": req.headers.get("webhook-signature"),
    },
  });
  return json(result);
});
