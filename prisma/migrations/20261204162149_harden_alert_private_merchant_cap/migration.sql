-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Alert" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "config" TEXT NOT NULL,
    "events" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "allowPrivate" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSentAt" DATETIME,
    "lastError" TEXT,
    "lastErrorAt" DATETIME
);
INSERT INTO "new_Alert" ("config", "createdAt", "enabled", "events", "id", "kind", "lastError", "lastErrorAt", "lastSentAt", "name") SELECT "config", "createdAt", "enabled", "events", "id", "kind", "lastError", "lastErrorAt", "lastSentAt", "name" FROM "Alert";
DROP TABLE "Alert";
ALTER TABLE "new_Alert" RENAME TO "Alert";
CREATE TABLE "new_Merchant" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "pid" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "notifyDomains" TEXT NOT NULL DEFAULT '[]',
    "channels" TEXT NOT NULL DEFAULT '["wechat","alipay"]',
    "minCents" INTEGER NOT NULL DEFAULT 1,
    "maxCents" INTEGER NOT NULL DEFAULT 500000,
    "ampKeySign" BOOLEAN NOT NULL DEFAULT false,
    "allowPrivate" BOOLEAN NOT NULL DEFAULT false,
    "maxHeldOrders" INTEGER NOT NULL DEFAULT 200,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "keyRotatedAt" DATETIME
);
INSERT INTO "new_Merchant" ("allowPrivate", "ampKeySign", "channels", "createdAt", "enabled", "id", "key", "keyRotatedAt", "maxCents", "minCents", "name", "notifyDomains", "pid") SELECT "allowPrivate", "ampKeySign", "channels", "createdAt", "enabled", "id", "key", "keyRotatedAt", "maxCents", "minCents", "name", "notifyDomains", "pid" FROM "Merchant";
DROP TABLE "Merchant";
ALTER TABLE "new_Merchant" RENAME TO "Merchant";
CREATE UNIQUE INDEX "Merchant_pid_key" ON "Merchant"("pid");
CREATE UNIQUE INDEX "Merchant_key_key" ON "Merchant"("key");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
