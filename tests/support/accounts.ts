/** Receiving accounts for the tests: a second account with its own code and phone. */
import type { Channel } from "@/lib/channels";
import { db } from "@/lib/db/client";
import { newId } from "@/lib/ids";
import { makeQr } from "./db";
import { signedNotify } from "./notify";
import { call } from "./http";
import { POST as notify } from "@/app/(phone)/api/notify/route";

export async function makeAccount(channel: Channel, name = "第二个账户", opts: { enabled?: boolean } = {}) {
  return db().account.create({ data: { id: `acct_${newId(8)}`, channel, name, enabled: opts.enabled ?? true } });
}

/**
 * A native-protocol phone assigned to `accounts` — one account id, a list with roles, or null
 * (unassigned: every channel's default account) — online now unless `online` is false.
 */
export async function makePhone(
  accounts: string | null | { id: string; role?: "primary" | "standby" }[],
  opts: { online?: boolean; name?: string } = {},
) {
  const id = `dev_${newId(8)}`;
  const secret = `whsec_${Buffer.from(newId(24)).toString("base64")}`;
  const links = accounts === null ? [] : typeof accounts === "string" ? [{ id: accounts }] : accounts;
  await db().device.create({
    data: {
      id,
      name: opts.name ?? "手机",
      secret,
      protocol: "native",
      lastHeartbeatAt: opts.online === false ? null : new Date(),
      accounts: { create: links.map((l) => ({ accountId: l.id, role: l.role ?? "primary" })) },
    },
  });
  return {
    id,
    /** Sends a heartbeat from this phone. */
    heartbeat: () => call(notify, signedNotify({ deviceid: id, type: "heartbeat" }, { secret })),
    /** Forwards a payment notification of `text` from this phone. */
    pay: (text: Record<string, unknown>, msgId?: string) => call(notify, signedNotify({ deviceid: id, ...text }, { secret, id: msgId })),
  };
}

/** A second account on `channel` with a universal code and an online phone. */
export async function secondAccount(channel: Channel = "wechat") {
  const account = await makeAccount(channel);
  const code = await makeQr(channel, null, {
    accountId: account.id,
    payload: `${channel === "wechat" ? "wxp://f2f0" : "https://qr.alipay.com/fkx0"}second`,
  });
  const phone = await makePhone(account.id);
  return { account, code, phone };
}

/** An order of the past on `accountId` (expired unpaid, or paid), for the health rules' history. */
export async function pastOrder(
  accountId: string,
  articleId: string,
  opts: { paid?: boolean; minutesAgo: number; channel?: Channel; readerId?: string },
) {
  const createdAt = new Date(Date.now() - opts.minutesAgo * 60_000);
  const expiresAt = new Date(createdAt.getTime() + 120_000);
  return db().order.create({
    data: {
      id: newId(),
      kind: "article",
      articleId,
      readerId: opts.readerId ?? `reader-${newId(6)}`,
      channel: opts.channel ?? "wechat",
      listPriceCents: 100,
      amountCents: 100,
      accountId,
      status: opts.paid ? "paid" : "expired",
      paidAt: opts.paid ? new Date(createdAt.getTime() + 30_000) : null,
      createdAt,
      expiresAt,
      slotHeldUntil: expiresAt,
    },
  });
}
