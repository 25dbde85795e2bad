import { json, owner } from "@/lib/http/door";
import { backupOverview } from "@/lib/backup/admin";
import { runBackup } from "@/lib/backup/run";

/** GET: the backups and the schedule; POST: 立即备份 — one backup now, answered when it is written. */
export const GET = owner(async () => json(await backupOverview()));

export const POST = owner(async () => {
  const r = await runBackup("manual");
  return json({ id: r.id, fileName: r.fileName, bytes: r.bytes, sha256: r.sha256, ms: r.ms, counts: r.manifest.counts }, 201);
});
