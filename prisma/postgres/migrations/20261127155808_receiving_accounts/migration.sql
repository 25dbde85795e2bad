-- AlterTable
ALTER TABLE "QrCode" ADD COLUMN     "accountId" TEXT;

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "accountId" TEXT;

-- AlterTable
ALTER TABLE "Device" ADD COLUMN     "accountId" TEXT;

-- AlterTable
ALTER TABLE "Payment" ADD COLUMN     "accountId" TEXT;

-- AlterTable
ALTER TABLE "BillImport" ADD COLUMN     "accountId" TEXT;

-- CreateTable
CREATE TABLE "Account" (
    "id" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "defaultFor" TEXT,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Account_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Account_defaultFor_key" ON "Account"("defaultFor");

-- CreateIndex
CREATE INDEX "Account_channel_enabled_idx" ON "Account"("channel", "enabled");

-- Data: today's single-account setups keep working with no clicks. Each channel gets its default account,
-- every code, order, payment and bill import of the channel is pointed at it, and the amounts held now move to
-- the per-account slot key ("channel:account:amount", lib/orders/allocation.ts slotKey) in the same step, so
-- an order created before the upgrade is still matched after it. Devices stay unassigned: a phone forwards
-- both channels, and an unassigned phone is the phone of every channel's default account.
INSERT INTO "Account" ("id", "channel", "name", "defaultFor", "enabled") VALUES
  ('acct_wechat', 'wechat', '默认微信账户', 'wechat', true),
  ('acct_alipay', 'alipay', '默认支付宝账户', 'alipay', true);
UPDATE "QrCode" SET "accountId" = 'acct_' || "channel" WHERE "accountId" IS NULL AND "channel" IN ('wechat', 'alipay');
UPDATE "Order" SET "accountId" = 'acct_' || "channel" WHERE "accountId" IS NULL AND "channel" IN ('wechat', 'alipay');
UPDATE "Order" SET "openSlot" = "channel" || ':' || "accountId" || ':' || "amountCents" WHERE "openSlot" IS NOT NULL AND "accountId" IS NOT NULL;
UPDATE "Payment" SET "accountId" = 'acct_' || "channel" WHERE "accountId" IS NULL AND "channel" IN ('wechat', 'alipay');
UPDATE "BillImport" SET "accountId" = 'acct_' || "channel" WHERE "accountId" IS NULL AND "channel" IN ('wechat', 'alipay');
