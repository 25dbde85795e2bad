import { device, json } from "@/lib/http/door";
import { ingestNative } from "@/lib/notify/protocols/native";

/** Our own protocol: Standard Webhooks signed (docs/notifications.md). */
export const POST = device(
  async ({ req, raw }) => {
    const signed = {
      "webhook-id": req.headers.get("webhook-id"),
      "webhook-timestamp": req.headers.get("webhook-timestamp"),
      "webhook-signature": req.headers.get("webhook-signature"),
    };
    return json(await ingestNative({ ...raw, signed }));
  },
  { protocol: "native" },
);
