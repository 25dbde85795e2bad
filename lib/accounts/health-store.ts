import type { Db, Tx } from "@/lib/db/client";
import { raiseEvent } from "@/lib/alerts/raise";
import { describeEvidence, type AccountHealth, type HealthEvidence } from "@/lib/accounts/health";

/**
 * Moves an account to 可疑 / 已暂停 with its evidence, inside the caller's transaction, as a
 * compare-and-set on the states it may come from: of two server processes (or two readers'
 * reports) only one makes the change, and only that one raises the alert — account.suspect
 * or account.paused — with the evidence, in the same transaction.
 */
export async function markAccount(
  client: Tx | Db,
  accountId: string,
  to: Exclude<AccountHealth, "ok">,
  evidence: HealthEvidence,
  now: Date,
  opts: { from: AccountHealth[]; alert?: boolean } = { from: ["ok"] },
): Promise<boolean> {
  const changed = await client.account.updateMany({
    where: { id: accountId, health: { in: opts.from } },
    data: { health: to, healthSince: now, healthEvidence: JSON.stringify(evidence) },
  });
  if (changed.count !== 1) return false;
  if (opts.alert !== false) {
    const a = await client.account.findUniqueOrThrow({ where: { id: accountId }, select: { name: true, channel: true } });
    const data = { accountId, account: a.name, channel: a.channel, summary: describeEvidence(evidence), evidence };
    await raiseEvent(client, to === "paused" ? "account.paused" : "account.suspect", data, now);
  }
  return true;
}

/** Back to 正常 on its own: a 可疑 account received a payment (proof the wallet takes money). */
export async function clearSuspect(client: Tx | Db, accountId: string, now: Date): Promise<boolean> {
  const changed = await client.account.updateMany({
    where: { id: accountId, health: "suspect" },
    data: { health: "ok", healthSince: now, healthEvidence: null },
  });
  return changed.count === 1;
}

/** The owner resumes it: 正常, the reported daily cap lifted, and evidence from before no longer counts. */
export async function resumeAccount(client: Tx | Db, accountId: string, now: Date): Promise<void> {
  await client.account.update({
    where: { id: accountId },
    data: { health: "ok", healthSince: now, healthEvidence: null, resumedAt: now, fullUntil: null },
  });
}
