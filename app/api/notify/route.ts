import { json, readText, route } from "@/lib/http/handler";
import { MAX_NOTIFY_BODY, rawRequest } from "@/lib/notify/audit";
import { ingestNative } from "@/lib/notify/protocols/native";

export const dynamic = "force-dynamic";

export const POST = route(async (req) => {
  const raw = rawRequest(req, "native", await readText(req, MAX_NOTIFY_BODY));
  const signed = {
    "webhook-id": req.headers.get("webhook-id"),
    "webhook-timestamp": req.headers.get("webhook-timestamp"),
    "webhook-signature": req.headers.get("webhook-signature"),
  };
  return json(await ingestNative({ ...raw, signed }));
});
