import { requireAdminPage } from "@/app/admin/require-admin";
import { Card } from "@/components/admin/kit";
import { Note } from "@/components/admin/kit/forms";
import { ImportManager } from "@/components/admin/import-manager";
import { RedirectManager } from "@/components/admin/redirect-manager";

export const metadata = { title: "导入导出" };

export default async function ImportPage() {
  await requireAdminPage();
  return (
    <>
      <ImportManager />
      <Card title="导出全部">
        <Note lead>
          一个 zip：每篇文章一个 Markdown
          文件（含价格、付费分隔、标签、日期、草稿/定时），全部图片，以及专栏、全站通、优惠码、兑换码、收款账户、读者已购记录、订单和收款的
          JSON——足够在别处重建本站。不含任何密钥和密码。
        </Note>
        {/* A plain download link: the zip is streamed by the server while it is built. */}
        <a href="/api/admin/export/site" download className="inline-block rounded-lg bg-stone-900 px-4 py-1.5 text-sm text-white">
          导出全部
        </a>
      </Card>
      <RedirectManager />
    </>
  );
}
