import { LRUCache } from "lru-cache";
import { db } from "@/lib/db/client";
import { registerCache } from "@/lib/process-caches";
import type { GrantKind } from "@/lib/targets";
import { linkId } from "@/lib/readers/links";
import type { ReaderCookie } from "@/lib/readers/session";
import { codeHex, codewordBits } from "@/lib/marks/codec";
import { carrierFor, PLACEHOLDER_COUNT, slotOfPlaceholder, type Slot } from "@/lib/marks/carriers";
import { markCode, markKey, readerLabel } from "@/lib/marks/key";
import { markHtmlWith } from "@/lib/marks/html";
import { markMarkdownWith } from "@/lib/marks/markdown";

/**
 * A reader's mark for one grant, as every surface applies it: the page (server render and the
 * page cache), GET /api/articles/{slug}/body, the private feed and the library downloads. The first
 * delivery of each mark is recorded (DeliveryMark), so the tracer still names the purchase after
 * the grant is gone. Teasers, free posts, public feeds and anyone not entitled never get here.
 */
export interface ReaderMark {
  /** 10 hex digits. */
  code: string;
  bits: Uint8Array;
  /** 「读者 XXXXXX」 */
  label: string;
  /** The UTF-8 bytes of the carrier for every template placeholder (lib/marks/template.ts), 3 each. */
  table: Buffer;
}

export type MarkHolder = Pick<ReaderCookie, "readerId" | "via">;

/** The grant a mark names: lib/entitlements/check.ts's Grant (an Entitlement, SeriesGrant or PassGrant row). */
export interface MarkedGrant {
  kind: GrantKind;
  id: string;
  orderId: string | null;
}

interface Store {
  marks: LRUCache<string, ReaderMark>;
  /** The marks this process knows are recorded; forgotten with the content caches (an owner's write, a test's fresh database), so recorded again on next use. */
  recorded: LRUCache<string, true>;
}
// On globalThis: Next.js may load this module once per route bundle; one store, forgotten in one call.
const g = globalThis as unknown as { __paywallMarks?: Store };
const store = (g.__paywallMarks ??= {
  marks: new LRUCache<string, ReaderMark>({ max: 20_000 }),
  recorded: new LRUCache<string, true>({ max: 50_000 }),
});

/** Forgets the marks made and which are known to be recorded. */
export function forgetMarks(): void {
  store.marks.clear();
  store.recorded.clear();
}
registerCache("reader-marks", { forget: forgetMarks, content: true });

export async function markFor(h: MarkHolder, grant: MarkedGrant, articleId: string | null = null): Promise<ReaderMark> {
  const holder = h.via?.deviceId ?? "";
  const id = `${grant.kind}:${grant.id}:${holder}`;
  let mark = store.marks.get(id);
  if (!mark) {
    const key = await markKey();
    const code = markCode(key, { kind: grant.kind, grantId: grant.id, holder });
    const bits = codewordBits(code);
    mark = { code: codeHex(code), bits, label: readerLabel(key, h.readerId), table: carrierTable(bits) };
    store.marks.set(id, mark);
  }
  if (!store.recorded.has(mark.code)) {
    await db().deliveryMark.upsert({
      where: { code: mark.code },
      create: {
        code: mark.code,
        readerId: h.readerId,
        kind: grant.kind,
        grantId: grant.id,
        articleId: grant.kind === "article" ? articleId : null,
        orderId: grant.orderId,
        holder,
        linkId: h.via ? linkId(h.readerId, h.via.generation) : null,
        label: mark.label,
      },
      update: {},
    });
    store.recorded.set(mark.code, true);
  }
  return mark;
}

const put = (mark: ReaderMark) => (slot: Slot) => carrierFor(slot, mark.bits);

export const markedHtml = (html: string, mark: ReaderMark) => markHtmlWith(html, put(mark));
export const markedMarkdown = (markdown: string, mark: ReaderMark) => markMarkdownWith(markdown, put(mark));

function carrierTable(bits: Uint8Array): Buffer {
  const table = Buffer.alloc(PLACEHOLDER_COUNT * 3);
  for (let i = 0; i < PLACEHOLDER_COUNT; i++) {
    const slot = slotOfPlaceholder(i);
    // The label's entry is never used (fillTemplate writes the label itself): anything 3 bytes long.
    table.write(slot ? carrierFor(slot, bits) : "\u200B", i * 3, "utf8");
  }
  return table;
}
