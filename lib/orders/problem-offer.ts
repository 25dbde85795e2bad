import type { Channel } from "@/lib/channels";
import { isDemoMode } from "@/lib/devices/demo-mode";
import { candidateAmounts } from "@/lib/orders/allocation";
import { amountPolicy } from "@/lib/orders/policy";
import { channelServes, offerOtherChannel } from "@/lib/orders/plan";
import type { ProblemAnswer } from "@/lib/orders/problem-vocab";

/** After a report stopped an account: another account of the same channel, else the other channel, else nothing. */
export async function problemOffer(channel: Channel, quotedCents: number, now: Date): Promise<ProblemAnswer["offer"]> {
  const demo = await isDemoMode();
  const candidates = candidateAmounts(quotedCents, amountPolicy());
  if (await channelServes(channel, candidates, demo, now, undefined, quotedCents)) return { channel, sameChannel: true };
  const other = await offerOtherChannel(channel, candidates, demo, now, quotedCents);
  return other ? { channel: other, sameChannel: false } : null;
}
