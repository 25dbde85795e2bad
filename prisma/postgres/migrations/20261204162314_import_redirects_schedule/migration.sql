-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "importedFrom" TEXT,
ADD COLUMN     "previewKey" TEXT;

-- CreateTable
CREATE TABLE "Redirect" (
    "id" TEXT NOT NULL,
    "fromPath" TEXT NOT NULL,
    "articleId" TEXT,
    "toPath" TEXT,
    "source" TEXT NOT NULL DEFAULT 'owner',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Redirect_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Redirect_fromPath_key" ON "Redirect"("fromPath");

-- CreateIndex
CREATE INDEX "Redirect_articleId_idx" ON "Redirect"("articleId");

-- AddForeignKey
ALTER TABLE "Redirect" ADD CONSTRAINT "Redirect_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A published post is visible once publishedAt has passed (scheduled posts): give the few published rows that
-- never had a publish time their creation time, so they stay visible.
UPDATE "Article" SET "publishedAt" = "createdAt" WHERE "published" = true AND "publishedAt" IS NULL;
