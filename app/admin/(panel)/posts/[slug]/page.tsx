import { notFound } from "next/navigation";
import { getArticleForAdmin } from "@/lib/articles/admin";
import { isAppError } from "@/lib/errors";
import { PostEditor } from "@/components/admin/post-editor";
import { requireAdminPage } from "@/app/admin/require-admin";

export const metadata = { title: "编辑文章" };

export default async function EditPostPage({ params }: { params: Promise<{ slug: string }> }) {
  await requireAdminPage();
  const article = await getArticleForAdmin((await params).slug).catch((e) => {
    if (isAppError(e)) notFound();
    throw e;
  });
  const { slug, title, priceCents, markdown, published, tags, publishAt } = article;
  return <PostEditor initial={{ slug, title, priceCents, markdown, published, tags, publishAt: publishAt?.toISOString() ?? null }} />;
}
