import { z } from "zod";
import { json, owner, parseQuery } from "@/lib/http/door";
import { listNotifications } from "@/lib/notify/audit";

const query = z.object({
  outcome: z.enum(["matched", "late_matched", "unmatched", "ignored", "duplicate", "heartbeat", "rejected"]).optional(),
  protocol: z.enum(["native", "smsforwarder", "vmq"]).optional(),
  verify: z.string().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  before: z.coerce.date().optional(),
});

// The notifier audit log: every request as received, with what happened to it.
export const GET = owner(async ({ req }) => {
  const q = parseQuery(req, query);
  const items = await listNotifications({ ...q, verifyResult: q.verify });
  const next = items.length === q.limit ? items[items.length - 1].receivedAt : null;
  return json({ items, next });
});
