-- AlterTable
ALTER TABLE "ReaderFeed" ADD COLUMN "rotatedAt" DATETIME;
ALTER TABLE "ReaderFeed" ADD COLUMN "rotatedBy" TEXT;

-- CreateTable
CREATE TABLE "DeviceFeed" (
    "token" TEXT NOT NULL PRIMARY KEY,
    "readerId" TEXT NOT NULL,
    "linkId" TEXT NOT NULL,
    "deviceId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "rotatedAt" DATETIME,
    "rotatedBy" TEXT,
    CONSTRAINT "DeviceFeed_linkId_fkey" FOREIGN KEY ("linkId") REFERENCES "RestoreLink" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FeedFetch" (
    "token" TEXT NOT NULL,
    "network" TEXT NOT NULL,
    "firstAt" DATETIME NOT NULL,
    "lastAt" DATETIME NOT NULL,

    PRIMARY KEY ("token", "network")
);

-- CreateTable
CREATE TABLE "DeliveryMark" (
    "code" TEXT NOT NULL PRIMARY KEY,
    "readerId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "grantId" TEXT NOT NULL,
    "articleId" TEXT,
    "orderId" TEXT,
    "holder" TEXT NOT NULL DEFAULT '',
    "linkId" TEXT,
    "label" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE UNIQUE INDEX "DeviceFeed_linkId_deviceId_key" ON "DeviceFeed"("linkId", "deviceId");

-- CreateIndex
CREATE INDEX "FeedFetch_lastAt_idx" ON "FeedFetch"("lastAt");

-- CreateIndex
CREATE INDEX "DeliveryMark_readerId_idx" ON "DeliveryMark"("readerId");

-- CreateIndex
CREATE INDEX "DeliveryMark_label_idx" ON "DeliveryMark"("label");
