/**
 * npm run db:seed — migrate, then add demo content to an empty database.
 * Also what `npm start` runs first: it writes the env-secret devices and the
 * go-live record here, so no request has to (reads never write).
 */
import { config, exitOnBadConfig } from "@/lib/config";
import { migrate, NewerDatabaseError } from "@/lib/db/migrate";
import { seedIfEmpty } from "@/lib/demo/seed";
import { disconnectDb } from "@/lib/db/client";
import { syncBootstrapDevices } from "@/lib/devices/registry";
import { recordLegacyGoLive } from "@/lib/devices/go-live";
import { issueSetupToken } from "@/lib/auth/setup";
import { backfillReadingMinutes } from "@/lib/articles/reading";
import { importLegacyMedia } from "@/lib/media/legacy";

if (process.argv.includes("--help")) {
  console.log(
    "Usage: npm run db:seed | npm run db:migrate\nApplies migrations to DATABASE_URL and adds demo articles and QR codes when the database is empty.",
  );
  process.exit(0);
}
exitOnBadConfig();
const applied = await migrate(config().DATABASE_URL).catch((e: unknown) => {
  if (!(e instanceof NewerDatabaseError)) throw e;
  console.error(e.message);
  process.exit(1);
});
if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);
if (process.argv.includes("--migrate-only")) process.exit(0);
await syncBootstrapDevices();
await recordLegacyGoLive();
const backfilled = await backfillReadingMinutes();
if (backfilled) console.log(`Reading time computed for ${backfilled} posts.`);
const movedImages = await importLegacyMedia();
if (movedImages) console.log(`Moved ${movedImages} uploaded images from the media folder into the database.`);
console.log((await seedIfEmpty()) ? "Demo content added." : "Database not empty; nothing seeded.");
// First run: no stored password and no ADMIN_PASSWORD → a one-time link to choose one in the browser.
const setupToken = await issueSetupToken();
if (setupToken) {
  const port = process.env.PORT ?? "3000";
  console.log(
    [
      "",
      "管理后台还没有密码。在浏览器中打开这个一次性链接设置密码（24 小时内有效，只能用一次；重启会生成新链接）：",
      `  http://localhost:${port}/admin/setup/${setupToken}`,
      "（服务器部署时把 localhost:" + port + " 换成你的网站地址）",
      "",
    ].join("\n"),
  );
}
await disconnectDb();
