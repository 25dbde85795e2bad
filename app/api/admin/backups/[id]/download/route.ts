import { adminRoute } from "@/lib/admin/route";
import { backupDownload } from "@/lib/backup/admin";

export const dynamic = "force-dynamic";

/** GET /api/admin/backups/{id}/download: the backup file (when it is on this server). */
export const GET = adminRoute<{ id: string }>(async (_req, { params }) => backupDownload((await params).id));
