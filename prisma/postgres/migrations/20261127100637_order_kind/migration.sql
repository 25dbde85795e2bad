-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'article',
ALTER COLUMN "articleId" DROP NOT NULL;
