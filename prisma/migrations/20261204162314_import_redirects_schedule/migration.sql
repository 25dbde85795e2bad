-- AlterTable
ALTER TABLE "Article" ADD COLUMN "importedFrom" TEXT;
ALTER TABLE "Article" ADD COLUMN "previewKey" TEXT;

-- CreateTable
CREATE TABLE "Redirect" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "fromPath" TEXT NOT NULL,
    "articleId" TEXT,
    "toPath" TEXT,
    "source" TEXT NOT NULL DEFAULT 'owner',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Redirect_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Redirect_fromPath_key" ON "Redirect"("fromPath");

-- CreateIndex
CREATE INDEX "Redirect_articleId_idx" ON "Redirect"("articleId");

-- A published post is visible once publishedAt has passed (scheduled posts): give the few published rows that
-- never had a publish time their creation time, so they stay visible.
UPDATE "Article" SET "publishedAt" = "createdAt" WHERE "published" = 1 AND "publishedAt" IS NULL;
