import { listOwnedSeries, listPurchases, ownedCount, readerPass } from "@/lib/readers/purchases";
import { parseRestoreToken, restoreToken, type RestoreTokenInfo } from "@/lib/readers/session";
import { currentGeneration, linkUse, type LinkUse } from "@/lib/readers/links";

/**
 * Restore links switch a device to another reader id; nothing else. Purchases
 * are never moved or copied between readers: a link opened by mistake (or one
 * an attacker sent) must not be able to take anyone's purchases anywhere.
 * Opening the link only shows what would happen; the switch is a same-origin
 * JSON POST (app/api/restore, lib/readers/links.ts confirmRestoreLink).
 */

/** The link behind a restore link's path segment, whether or not the router decoded it. */
export function linkFromTokenParam(param: string | null | undefined): RestoreTokenInfo | null {
  if (!param) return null;
  const direct = parseRestoreToken(param);
  if (direct) return direct;
  try {
    return parseRestoreToken(decodeURIComponent(param));
  } catch {
    return null; // e.g. "%E0": not a token, and not worth a 500
  }
}

/** The reader behind a restore link's path segment, or null. */
export function readerFromTokenParam(param: string | null | undefined): string | null {
  return linkFromTokenParam(param)?.readerId ?? null;
}

/** This reader's current restore link token (after the owner revoked older ones, a newer generation). */
export async function currentRestoreToken(readerId: string): Promise<string> {
  return restoreToken(readerId, undefined, await currentGeneration(readerId));
}

export type RestorePreview =
  | { valid: false }
  | ({
      valid: true;
      /** The token as it should be sent back (decoded). */
      token: string;
      alreadyHere: boolean;
      purchases: { slug: string; title: string }[];
      series: { slug: string; title: string }[];
      /** The site pass behind the link: null when it has none valid; until null with lifetime. */
      pass: { lifetime: boolean; until: string | null } | null;
      /** What this device owns under its own id (posts, series, passes): it stays there, reachable through ownToken. */
      ownPurchases: number;
      ownToken: string | null;
    } & LinkUse);

export async function previewRestore(param: string, currentReaderId: string | null): Promise<RestorePreview> {
  const link = linkFromTokenParam(param);
  if (!link) return { valid: false };
  const target = link.readerId;
  const purchases = (await listPurchases(target)).map((p) => ({ slug: p.article.slug, title: p.article.title }));
  const series = (await listOwnedSeries(target)).map((s) => ({ slug: s.slug, title: s.title }));
  const p = await readerPass(target);
  const pass = p.active ? { lifetime: p.lifetime, until: p.until?.toISOString() ?? null } : null;
  const alreadyHere = currentReaderId === target;
  const ownPurchases = currentReaderId && !alreadyHere ? await ownedCount(currentReaderId) : 0;
  return {
    valid: true,
    token: restoreToken(target, undefined, link.generation),
    alreadyHere,
    purchases,
    series,
    pass,
    ownPurchases,
    ownToken: ownPurchases > 0 ? await currentRestoreToken(currentReaderId!) : null,
    ...(await linkUse(target, link.generation)),
  };
}
