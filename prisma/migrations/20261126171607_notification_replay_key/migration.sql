-- AlterTable
ALTER TABLE "Notification" ADD COLUMN "replayKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Notification_replayKey_key" ON "Notification"("replayKey");
