import { db } from "@/lib/db/client";
import { readRows } from "@/lib/reconcile/sheet";
import { readBill } from "@/lib/reconcile/layouts";
import { reconcileBill, type ReconcileSummary } from "@/lib/reconcile/reconcile";

/** A bill upload: read it (sheet.ts, layouts.ts), then reconcile it (reconcile.ts) against one receiving account's payments. */
export async function importBill(
  bytes: Buffer,
  fileName: string | null,
  now = new Date(),
  accountId?: string | null,
): Promise<ReconcileSummary> {
  const { rows, container } = await readRows(bytes);
  return reconcileBill(readBill(rows, container), { bytes, name: fileName }, now, accountId);
}

export interface ImportView {
  id: string;
  channel: string;
  accountId: string | null;
  format: string;
  fileName: string | null;
  periodStart: Date;
  periodEnd: Date;
  createdAt: Date;
  summary: Omit<ReconcileSummary, "details"> | null;
}

/** Earlier imports, newest first, with the summary each answered. */
export async function listImports(limit = 24): Promise<ImportView[]> {
  const rows = await db().billImport.findMany({ orderBy: { createdAt: "desc" }, take: limit });
  return rows.map((r) => {
    let summary: ImportView["summary"] = null;
    try {
      const full = JSON.parse(r.summary) as Partial<ReconcileSummary>;
      delete full.details;
      summary = full as ImportView["summary"];
    } catch {
      summary = null;
    }
    return {
      id: r.id,
      channel: r.channel,
      accountId: r.accountId,
      format: r.format,
      fileName: r.fileName,
      periodStart: r.periodStart,
      periodEnd: r.periodEnd,
      createdAt: r.createdAt,
      summary,
    };
  });
}
