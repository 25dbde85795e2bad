-- AlterTable
ALTER TABLE "QrCode" ADD COLUMN "perDayCount" INTEGER;

-- AlterTable
ALTER TABLE "Order" ADD COLUMN "payeeName" TEXT;

-- CreateTable
CREATE TABLE "DeviceAccount" (
    "deviceId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'primary',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("deviceId", "accountId"),
    CONSTRAINT "DeviceAccount_deviceId_fkey" FOREIGN KEY ("deviceId") REFERENCES "Device" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DeviceAccount_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "StandbyReport" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "deviceId" TEXT,
    "notificationId" TEXT,
    "dedupeKey" TEXT NOT NULL,
    "contentKey" TEXT,
    "postedAt" DATETIME,
    "seenAt" DATETIME NOT NULL,
    "status" TEXT NOT NULL,
    "paymentId" TEXT,
    "primaryKey" TEXT,
    "primaryContentKey" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "StandbyReport_paymentId_fkey" FOREIGN KEY ("paymentId") REFERENCES "Payment" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OrderProblem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orderId" TEXT NOT NULL,
    "readerId" TEXT NOT NULL,
    "accountId" TEXT,
    "channel" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "text" TEXT,
    "effect" TEXT NOT NULL,
    "note" TEXT,
    "clientIp" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "OrderProblem_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReaderRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "readerId" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "contact" TEXT,
    "status" TEXT NOT NULL DEFAULT 'open',
    "openKey" TEXT,
    "reply" TEXT,
    "dueAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" DATETIME,
    "clientIp" TEXT,
    CONSTRAINT "ReaderRequest_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- AlterTable (by hand: Prisma rebuilds these tables, and a rebuild inside the migration's transaction, where
-- PRAGMA foreign_keys cannot be switched off, would run the ON DELETE actions of every row pointing at them —
-- Notification.deviceId, BillEntry.paymentId, PaymentClaim.paymentId would be set to NULL. Plain ALTER TABLE
-- gives the same schema without touching the rows; DROP COLUMN needs SQLite 3.35, better-sqlite3 12 ships 3.5x.)
ALTER TABLE "Account" ADD COLUMN "payeeName" TEXT;
ALTER TABLE "Account" ADD COLUMN "health" TEXT NOT NULL DEFAULT 'ok';
ALTER TABLE "Account" ADD COLUMN "healthSince" DATETIME;
ALTER TABLE "Account" ADD COLUMN "healthEvidence" TEXT;
ALTER TABLE "Account" ADD COLUMN "resumedAt" DATETIME;
ALTER TABLE "Account" ADD COLUMN "perDayCount" INTEGER;
ALTER TABLE "Account" ADD COLUMN "perDayCents" INTEGER;
ALTER TABLE "Account" ADD COLUMN "perDaySameAmount" INTEGER;
ALTER TABLE "Account" ADD COLUMN "fullUntil" DATETIME;
ALTER TABLE "Payment" ADD COLUMN "unowned" BOOLEAN NOT NULL DEFAULT false;

-- Data: a phone's one account becomes its one assignment (primary), then the column goes.
INSERT INTO "DeviceAccount" ("deviceId", "accountId", "role")
  SELECT "id", "accountId", 'primary' FROM "Device" WHERE "accountId" IN (SELECT "id" FROM "Account");
ALTER TABLE "Device" DROP COLUMN "accountId";

-- CreateIndex
CREATE INDEX "DeviceAccount_accountId_role_idx" ON "DeviceAccount"("accountId", "role");

-- CreateIndex
CREATE UNIQUE INDEX "StandbyReport_dedupeKey_key" ON "StandbyReport"("dedupeKey");

-- CreateIndex
CREATE UNIQUE INDEX "StandbyReport_contentKey_key" ON "StandbyReport"("contentKey");

-- CreateIndex
CREATE UNIQUE INDEX "StandbyReport_paymentId_key" ON "StandbyReport"("paymentId");

-- CreateIndex
CREATE UNIQUE INDEX "StandbyReport_primaryKey_key" ON "StandbyReport"("primaryKey");

-- CreateIndex
CREATE UNIQUE INDEX "StandbyReport_primaryContentKey_key" ON "StandbyReport"("primaryContentKey");

-- CreateIndex
CREATE INDEX "StandbyReport_accountId_amountCents_seenAt_idx" ON "StandbyReport"("accountId", "amountCents", "seenAt");

-- CreateIndex
CREATE UNIQUE INDEX "OrderProblem_orderId_key" ON "OrderProblem"("orderId");

-- CreateIndex
CREATE INDEX "OrderProblem_accountId_createdAt_idx" ON "OrderProblem"("accountId", "createdAt");

-- CreateIndex
CREATE INDEX "OrderProblem_readerId_createdAt_idx" ON "OrderProblem"("readerId", "createdAt");

-- CreateIndex
CREATE INDEX "OrderProblem_clientIp_createdAt_idx" ON "OrderProblem"("clientIp", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ReaderRequest_openKey_key" ON "ReaderRequest"("openKey");

-- CreateIndex
CREATE INDEX "ReaderRequest_status_createdAt_idx" ON "ReaderRequest"("status", "createdAt");

-- CreateIndex
CREATE INDEX "ReaderRequest_readerId_createdAt_idx" ON "ReaderRequest"("readerId", "createdAt");
