import { AppError } from "@/lib/errors";
import { listOwnedSeries, listPurchases, ownedCount, readerPass } from "@/lib/readers/purchases";
import { restoreToken, verifyRestoreToken } from "@/lib/readers/session";

/**
 * Restore links switch a device to another reader id; nothing else. Purchases
 * are never moved or copied between readers: a link opened by mistake (or one
 * an attacker sent) must not be able to take anyone's purchases anywhere.
 * Opening the link only shows what would happen; the switch is a same-origin POST.
 */

/** The reader behind a restore link's path segment, whether or not the router decoded it. */
export function readerFromTokenParam(param: string | null | undefined): string | null {
  if (!param) return null;
  const direct = verifyRestoreToken(param);
  if (direct) return direct;
  try {
    return verifyRestoreToken(decodeURIComponent(param));
  } catch {
    return null; // e.g. "%E0": not a token, and not worth a 500
  }
}

export type RestorePreview =
  | { valid: false }
  | {
      valid: true;
      alreadyHere: boolean;
      purchases: { slug: string; title: string }[];
      series: { slug: string; title: string }[];
      /** The site pass behind the link: null when it has none valid; until null with lifetime. */
      pass: { lifetime: boolean; until: string | null } | null;
      /** What this device owns under its own id (posts, series, passes): it stays there, reachable through ownLink. */
      ownPurchases: number;
      ownToken: string | null;
    };

export async function previewRestore(param: string, currentReaderId: string | null): Promise<RestorePreview> {
  const target = readerFromTokenParam(param);
  if (!target) return { valid: false };
  const purchases = (await listPurchases(target)).map((p) => ({ slug: p.article.slug, title: p.article.title }));
  const series = (await listOwnedSeries(target)).map((s) => ({ slug: s.slug, title: s.title }));
  const p = await readerPass(target);
  const pass = p.active ? { lifetime: p.lifetime, until: p.until?.toISOString() ?? null } : null;
  const alreadyHere = currentReaderId === target;
  const ownPurchases = currentReaderId && !alreadyHere ? await ownedCount(currentReaderId) : 0;
  return {
    valid: true,
    alreadyHere,
    purchases,
    series,
    pass,
    ownPurchases,
    ownToken: ownPurchases > 0 ? restoreToken(currentReaderId!) : null,
  };
}

/** The reader id this device should take on confirming. */
export function confirmRestore(token: string | null | undefined): string {
  const readerId = readerFromTokenParam(token);
  if (!readerId) throw new AppError("invalid_input", "恢复链接无效，请检查链接是否完整。");
  return readerId;
}
