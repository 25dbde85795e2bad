-- AlterTable
ALTER TABLE "QrCode" ADD COLUMN     "demo" BOOLEAN NOT NULL DEFAULT false;

-- Existing databases: the stand-in codes the demo seed created (lib/demo/content.ts) are demo codes.
UPDATE "QrCode" SET "demo" = true WHERE "payload" IN ('wxp://f2f0DEMO-universal-code-replace-me', 'https://qr.alipay.com/fkx0DEMOuniversalreplaceme', 'wxp://f2f1DEMO-fixed-100', 'wxp://f2f1DEMO-fixed-99', 'wxp://f2f1DEMO-fixed-500', 'https://qr.alipay.com/fkx1DEMOfixed100', 'https://qr.alipay.com/fkx1DEMOfixed499');
