import { json, readText, route } from "@/lib/http/handler";
import { MAX_NOTIFY_BODY, rawRequest } from "@/lib/notify/audit";
import { ingestSmsForwarder } from "@/lib/notify/protocols/smsforwarder";

export const dynamic = "force-dynamic";

// SmsForwarder's Webhook sender: POST (JSON template or form; only the body is read, never the
// URL's query) or GET with query parameters.
export const POST = route(async (req) => {
  const raw = rawRequest(req, "smsforwarder", await readText(req, MAX_NOTIFY_BODY));
  return json(await ingestSmsForwarder(raw));
});

export const GET = route(async (req) => json(await ingestSmsForwarder(rawRequest(req, "smsforwarder"))));
