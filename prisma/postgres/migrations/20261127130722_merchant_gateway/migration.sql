-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "merchantOrderId" TEXT;

-- CreateTable
CREATE TABLE "Merchant" (
    "id" TEXT NOT NULL,
    "pid" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "notifyDomains" TEXT NOT NULL DEFAULT '[]',
    "channels" TEXT NOT NULL DEFAULT '["wechat","alipay"]',
    "minCents" INTEGER NOT NULL DEFAULT 1,
    "maxCents" INTEGER NOT NULL DEFAULT 500000,
    "ampKeySign" BOOLEAN NOT NULL DEFAULT false,
    "allowPrivate" BOOLEAN NOT NULL DEFAULT false,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "keyRotatedAt" TIMESTAMP(3),

    CONSTRAINT "Merchant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MerchantOrder" (
    "id" TEXT NOT NULL,
    "merchantId" TEXT NOT NULL,
    "protocol" TEXT NOT NULL,
    "outTradeNo" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "priceCents" INTEGER NOT NULL,
    "priceText" TEXT NOT NULL,
    "channel" TEXT,
    "param" TEXT,
    "notifyUrl" TEXT,
    "returnUrl" TEXT,
    "orderId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "paidCents" INTEGER,
    "paidAt" TIMESTAMP(3),
    "notifyAttempts" INTEGER NOT NULL DEFAULT 0,
    "notifiedAt" TIMESTAMP(3),
    "lastNotifyAt" TIMESTAMP(3),
    "lastNotifyResponse" TEXT,
    "clientIp" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "MerchantOrder_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Merchant_pid_key" ON "Merchant"("pid");

-- CreateIndex
CREATE UNIQUE INDEX "Merchant_key_key" ON "Merchant"("key");

-- CreateIndex
CREATE UNIQUE INDEX "MerchantOrder_orderId_key" ON "MerchantOrder"("orderId");

-- CreateIndex
CREATE INDEX "MerchantOrder_merchantId_createdAt_idx" ON "MerchantOrder"("merchantId", "createdAt");

-- CreateIndex
CREATE INDEX "MerchantOrder_status_idx" ON "MerchantOrder"("status");

-- CreateIndex
CREATE UNIQUE INDEX "MerchantOrder_merchantId_outTradeNo_key" ON "MerchantOrder"("merchantId", "outTradeNo");

-- AddForeignKey
ALTER TABLE "MerchantOrder" ADD CONSTRAINT "MerchantOrder_merchantId_fkey" FOREIGN KEY ("merchantId") REFERENCES "Merchant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
