-- AlterTable
ALTER TABLE "Alert" ADD COLUMN     "allowPrivate" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Merchant" ADD COLUMN     "maxHeldOrders" INTEGER NOT NULL DEFAULT 200;
