-- CreateTable
CREATE TABLE "RestoreLink" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "readerId" TEXT NOT NULL,
    "generation" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" DATETIME
);

-- CreateTable
CREATE TABLE "RestoreDevice" (
    "linkId" TEXT NOT NULL,
    "deviceId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("linkId", "deviceId"),
    CONSTRAINT "RestoreDevice_linkId_fkey" FOREIGN KEY ("linkId") REFERENCES "RestoreLink" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "RestoreLink_readerId_generation_key" ON "RestoreLink"("readerId", "generation");
