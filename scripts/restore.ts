/**
 * npm run restore -- FILE [--force] [--check] — puts a backup made by `npm run backup` back. See --help.
 */
import { config, dataDir, databaseKind, exitOnBadConfig, sqlitePath } from "@/lib/config";
import { restoreBackup } from "@/lib/backup/restore";

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith("--"));
if (args.includes("--help") || !file) {
  exitOnBadConfig();
  const url = config().DATABASE_URL;
  console.log(`Usage: npm run restore -- FILE [--force] [--check]
  Checks every file of the backup against its manifest (SHA-256), then restores:
    - the database to ${databaseKind(url) === "sqlite" ? sqlitePath(url) : "the PostgreSQL database in DATABASE_URL (with pg_restore)"}
    - the session secret to ${dataDir()}/session-secret
  Stop the site first (e.g. systemctl stop paywall), then start it again: npm start migrates a
  backup from an older version forward. A backup from a newer version is refused.
  --check   verify the file (checksums, version, integrity) and change nothing
  --force   replace an existing database / session secret; what was there is kept beside it
            (*.before-restore-<time>, or schema public_before_restore_<time> on PostgreSQL)`);
  process.exit(file || args.includes("--help") ? 0 : 1);
}
exitOnBadConfig();
try {
  const m = await restoreBackup(file, { force: args.includes("--force"), checkOnly: args.includes("--check") });
  const counts = Object.entries(m.counts)
    .map(([k, v]) => `${k} ${v}`)
    .join(", ");
  console.log(
    args.includes("--check")
      ? `备份完好，可以恢复 / the backup is sound: ${counts}`
      : `恢复完成 / restored: ${counts}\n现在启动网站 / now start the site: npm start (或 systemctl start paywall)`,
  );
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}
