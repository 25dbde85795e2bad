-- Added columns, not redefined tables: other migrations may add columns to these tables too.
ALTER TABLE "Article" ADD COLUMN "demo" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Payment" ADD COLUMN "demo" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Entitlement" ADD COLUMN "demo" BOOLEAN NOT NULL DEFAULT false;

-- Existing databases: the posts the demo seed created (lib/demo/content.ts), still under their seeded titles.
UPDATE "Article" SET "demo" = true WHERE ("slug", "title") IN (VALUES
  ('welcome', '欢迎：这个博客如何用个人收款码收费'),
  ('tea-and-time', '一杯茶的时间：关于慢下来的七个练习'),
  ('indie-income-report', '独立开发者的第一年：收入、成本与教训（完整账本）'));

-- Payments the 模拟付款 button sent (signed by the demo device), and the unlocks they made.
UPDATE "Payment" SET "demo" = true WHERE "notificationId" IN (SELECT "id" FROM "Notification" WHERE "deviceId" = 'demo');
UPDATE "Entitlement" SET "demo" = true WHERE "orderId" IN (SELECT "orderId" FROM "Payment" WHERE "demo" = true AND "orderId" IS NOT NULL);

-- Sites that went live before this migration kept those unlocks: revoke them now, as go-live does.
DELETE FROM "Entitlement" WHERE "demo" = true AND EXISTS (SELECT 1 FROM "Setting" WHERE "key" = 'notifier_configured_at');

