-- AlterTable
ALTER TABLE "QrCode" ADD COLUMN     "perDayCount" INTEGER;

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "payeeName" TEXT;

-- AlterTable
ALTER TABLE "Account" ADD COLUMN     "fullUntil" TIMESTAMP(3),
ADD COLUMN     "health" TEXT NOT NULL DEFAULT 'ok',
ADD COLUMN     "healthEvidence" TEXT,
ADD COLUMN     "healthSince" TIMESTAMP(3),
ADD COLUMN     "payeeName" TEXT,
ADD COLUMN     "perDayCents" INTEGER,
ADD COLUMN     "perDayCount" INTEGER,
ADD COLUMN     "perDaySameAmount" INTEGER,
ADD COLUMN     "resumedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Payment" ADD COLUMN     "unowned" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "DeviceAccount" (
    "deviceId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'primary',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DeviceAccount_pkey" PRIMARY KEY ("deviceId","accountId")
);

-- CreateTable
CREATE TABLE "StandbyReport" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "deviceId" TEXT,
    "notificationId" TEXT,
    "dedupeKey" TEXT NOT NULL,
    "contentKey" TEXT,
    "postedAt" TIMESTAMP(3),
    "seenAt" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL,
    "paymentId" TEXT,
    "primaryKey" TEXT,
    "primaryContentKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StandbyReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrderProblem" (
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "readerId" TEXT NOT NULL,
    "accountId" TEXT,
    "channel" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "text" TEXT,
    "effect" TEXT NOT NULL,
    "note" TEXT,
    "clientIp" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrderProblem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReaderRequest" (
    "id" TEXT NOT NULL,
    "readerId" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "contact" TEXT,
    "status" TEXT NOT NULL DEFAULT 'open',
    "openKey" TEXT,
    "reply" TEXT,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMP(3),
    "clientIp" TEXT,

    CONSTRAINT "ReaderRequest_pkey" PRIMARY KEY ("id")
);

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

-- AddForeignKey
ALTER TABLE "DeviceAccount" ADD CONSTRAINT "DeviceAccount_deviceId_fkey" FOREIGN KEY ("deviceId") REFERENCES "Device"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeviceAccount" ADD CONSTRAINT "DeviceAccount_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StandbyReport" ADD CONSTRAINT "StandbyReport_paymentId_fkey" FOREIGN KEY ("paymentId") REFERENCES "Payment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderProblem" ADD CONSTRAINT "OrderProblem_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReaderRequest" ADD CONSTRAINT "ReaderRequest_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Data: a phone's one account becomes its one assignment (primary), then the column goes.
INSERT INTO "DeviceAccount" ("deviceId", "accountId", "role")
  SELECT "id", "accountId", 'primary' FROM "Device" WHERE "accountId" IN (SELECT "id" FROM "Account");
ALTER TABLE "Device" DROP COLUMN "accountId";
