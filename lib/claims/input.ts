import { MAX_PRICE_CENTS } from "@/lib/price-schema";
import { z } from "zod";
import { channelSchema } from "@/lib/channel-schema";
import { MAX_CLAIM_NOTE } from "@/lib/claims/vocab";

export { MAX_CLAIM_NOTE, CLAIM_MAX_AGE_DAYS, CLAIM_STATUSES, type ClaimStatus } from "@/lib/claims/vocab";

/**
 * What a reader reports with 我已付款: which post, channel, the amount they paid
 * and about when, and an optional note (server side: the browser imports lib/claims/vocab.ts).
 */
export const claimInput = z.object({
  slug: z.string({ error: "请选择文章" }).trim().min(1, "请选择文章").max(100),
  channel: channelSchema,
  amountCents: z.number({ error: "请填写付款金额" }).int("金额必须精确到分").min(1, "金额至少 ¥0.01").max(MAX_PRICE_CENTS, "金额过大"),
  paidAt: z.iso.datetime({ offset: true, error: "请填写大概的付款时间" }).transform((v) => new Date(v)),
  note: z.string().trim().max(MAX_CLAIM_NOTE, `备注最长 ${MAX_CLAIM_NOTE} 个字`).optional(),
  /** The order the dialog was showing, when the report comes from there. */
  orderId: z.string().max(64).optional(),
});

export type ClaimInput = z.input<typeof claimInput>;
