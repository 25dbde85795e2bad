import { device, json } from "@/lib/http/door";
import { ingestSmsForwarder } from "@/lib/notify/protocols/smsforwarder";

// SmsForwarder's Webhook sender: POST (JSON template or form; only the body is read, never the
// URL's query) or GET with query parameters.
const forwarded = device(async ({ raw }) => json(await ingestSmsForwarder(raw)), { protocol: "smsforwarder" });

export const POST = forwarded;
export const GET = forwarded;
