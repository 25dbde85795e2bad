-- AlterTable
ALTER TABLE "ReaderFeed" ADD COLUMN     "rotatedAt" TIMESTAMP(3),
ADD COLUMN     "rotatedBy" TEXT;

-- CreateTable
CREATE TABLE "DeviceFeed" (
    "token" TEXT NOT NULL,
    "readerId" TEXT NOT NULL,
    "linkId" TEXT NOT NULL,
    "deviceId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "rotatedAt" TIMESTAMP(3),
    "rotatedBy" TEXT,

    CONSTRAINT "DeviceFeed_pkey" PRIMARY KEY ("token")
);

-- CreateTable
CREATE TABLE "FeedFetch" (
    "token" TEXT NOT NULL,
    "network" TEXT NOT NULL,
    "firstAt" TIMESTAMP(3) NOT NULL,
    "lastAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FeedFetch_pkey" PRIMARY KEY ("token","network")
);

-- CreateTable
CREATE TABLE "DeliveryMark" (
    "code" TEXT NOT NULL,
    "readerId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "grantId" TEXT NOT NULL,
    "articleId" TEXT,
    "orderId" TEXT,
    "holder" TEXT NOT NULL DEFAULT '',
    "linkId" TEXT,
    "label" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DeliveryMark_pkey" PRIMARY KEY ("code")
);

-- CreateIndex
CREATE UNIQUE INDEX "DeviceFeed_linkId_deviceId_key" ON "DeviceFeed"("linkId", "deviceId");

-- CreateIndex
CREATE INDEX "FeedFetch_lastAt_idx" ON "FeedFetch"("lastAt");

-- CreateIndex
CREATE INDEX "DeliveryMark_readerId_idx" ON "DeliveryMark"("readerId");

-- CreateIndex
CREATE INDEX "DeliveryMark_label_idx" ON "DeliveryMark"("label");

-- AddForeignKey
ALTER TABLE "DeviceFeed" ADD CONSTRAINT "DeviceFeed_linkId_fkey" FOREIGN KEY ("linkId") REFERENCES "RestoreLink"("id") ON DELETE CASCADE ON UPDATE CASCADE;
