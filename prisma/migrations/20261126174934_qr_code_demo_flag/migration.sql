-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_QrCode" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "channel" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "amountCents" INTEGER,
    "label" TEXT,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "demo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_QrCode" ("amountCents", "channel", "createdAt", "enabled", "id", "label", "payload") SELECT "amountCents", "channel", "createdAt", "enabled", "id", "label", "payload" FROM "QrCode";
DROP TABLE "QrCode";
ALTER TABLE "new_QrCode" RENAME TO "QrCode";
CREATE INDEX "QrCode_channel_enabled_idx" ON "QrCode"("channel", "enabled");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Existing databases: the stand-in codes the demo seed created (lib/demo/content.ts) are demo codes.
UPDATE "QrCode" SET "demo" = true WHERE "payload" IN ('wxp://f2f0DEMO-universal-code-replace-me', 'https://qr.alipay.com/fkx0DEMOuniversalreplaceme', 'wxp://f2f1DEMO-fixed-100', 'wxp://f2f1DEMO-fixed-99', 'wxp://f2f1DEMO-fixed-500', 'https://qr.alipay.com/fkx1DEMOfixed100', 'https://qr.alipay.com/fkx1DEMOfixed499');
