-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Order" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL DEFAULT 'article',
    "articleId" TEXT,
    "readerId" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "listPriceCents" INTEGER NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "qrCodeId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "openSlot" TEXT,
    "slotHeldUntil" DATETIME NOT NULL,
    "readerOpenKey" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "paidAt" DATETIME,
    "cancelledAt" DATETIME,
    "late" BOOLEAN NOT NULL DEFAULT false,
    "clientIp" TEXT,
    CONSTRAINT "Order_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Order_qrCodeId_fkey" FOREIGN KEY ("qrCodeId") REFERENCES "QrCode" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Order" ("amountCents", "articleId", "cancelledAt", "channel", "clientIp", "createdAt", "expiresAt", "id", "late", "listPriceCents", "openSlot", "paidAt", "qrCodeId", "readerId", "readerOpenKey", "slotHeldUntil", "status") SELECT "amountCents", "articleId", "cancelledAt", "channel", "clientIp", "createdAt", "expiresAt", "id", "late", "listPriceCents", "openSlot", "paidAt", "qrCodeId", "readerId", "readerOpenKey", "slotHeldUntil", "status" FROM "Order";
DROP TABLE "Order";
ALTER TABLE "new_Order" RENAME TO "Order";
CREATE UNIQUE INDEX "Order_openSlot_key" ON "Order"("openSlot");
CREATE UNIQUE INDEX "Order_readerOpenKey_key" ON "Order"("readerOpenKey");
CREATE INDEX "Order_readerId_articleId_status_idx" ON "Order"("readerId", "articleId", "status");
CREATE INDEX "Order_status_createdAt_idx" ON "Order"("status", "createdAt");
CREATE INDEX "Order_channel_slotHeldUntil_idx" ON "Order"("channel", "slotHeldUntil");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
