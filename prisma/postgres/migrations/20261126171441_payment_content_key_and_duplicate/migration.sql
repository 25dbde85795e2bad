-- AlterTable
ALTER TABLE "Payment" ADD COLUMN     "contentKey" TEXT,
ADD COLUMN     "duplicateOfId" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Payment_contentKey_key" ON "Payment"("contentKey");
