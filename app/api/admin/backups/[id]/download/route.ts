import { owner, segments } from "@/lib/http/door";
import { backupDownload } from "@/lib/backup/admin";

/** GET /api/admin/backups/{id}/download: the backup file (when it is on this server). */
export const GET = owner(({ params }) => backupDownload(params.id), { params: segments("id") });
