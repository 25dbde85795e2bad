-- CreateTable
CREATE TABLE "RestoreLink" (
    "id" TEXT NOT NULL,
    "readerId" TEXT NOT NULL,
    "generation" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "RestoreLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RestoreDevice" (
    "linkId" TEXT NOT NULL,
    "deviceId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RestoreDevice_pkey" PRIMARY KEY ("linkId","deviceId")
);

-- CreateIndex
CREATE UNIQUE INDEX "RestoreLink_readerId_generation_key" ON "RestoreLink"("readerId", "generation");

-- AddForeignKey
ALTER TABLE "RestoreDevice" ADD CONSTRAINT "RestoreDevice_linkId_fkey" FOREIGN KEY ("linkId") REFERENCES "RestoreLink"("id") ON DELETE CASCADE ON UPDATE CASCADE;
