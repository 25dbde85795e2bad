/**
 * npm run backup — one consistent backup file of the running (or stopped) site. See --help.
 */
import { backupDir, config, exitOnBadConfig } from "@/lib/config";
import { disconnectDb } from "@/lib/db/client";
import { runBackup } from "@/lib/backup/run";

const args = process.argv.slice(2);
if (args.includes("--help")) {
  console.log(`Usage: npm run backup [-- --json]
  Writes one backup file to BACKUP_DIR (now: ${backupDir()}), safe while the site is
  serving and taking payments:
    - the database: SQLite through its online backup API (checked with PRAGMA integrity_check),
      PostgreSQL through pg_dump (install postgresql-client of the server's version);
    - uploaded images (they are stored in the database);
    - the session secret (readers' cookies and restore links need it);
    - manifest.json with the SHA-256 and size of every file.
  Keeps the newest BACKUP_KEEP (now ${config().BACKUP_KEEP}) files. The file holds secrets: keep copies
  somewhere safe, off this machine. Restore with: npm run restore -- FILE
  --json   print the result as one JSON line (for scripts)`);
  process.exit(0);
}
exitOnBadConfig();
try {
  const r = await runBackup("cli");
  if (args.includes("--json")) {
    console.log(JSON.stringify({ file: r.file, bytes: r.bytes, sha256: r.sha256, ms: r.ms, counts: r.manifest.counts }));
  } else {
    const counts = Object.entries(r.manifest.counts)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ");
    console.log(`备份完成 / backup written: ${r.file}\n  ${(r.bytes / 1024).toFixed(1)} KB in ${r.ms} ms, sha256 ${r.sha256}\n  ${counts}`);
  }
  await disconnectDb();
} catch (e) {
  console.error((e as Error).message);
  await disconnectDb();
  process.exit(1);
}
