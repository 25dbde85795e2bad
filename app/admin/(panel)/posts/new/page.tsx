import { PostEditor } from "@/components/admin/post-editor";
import { requireAdminPage } from "@/app/admin/require-admin";
import { siteSettings } from "@/lib/settings/store";

export const metadata = { title: "写文章" };

export default async function NewPostPage() {
  await requireAdminPage();
  return <PostEditor defaultPriceCents={(await siteSettings()).defaultPriceCents} />;
}
