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
  const { slug, title, priceCents, markdown, published, tags, publishedAt } = article;
  // A publish time still to come is a schedule the editor shows (定时发布); a past one is just the post's date.
  const publishAt = publishedAt && publishedAt > new Date() ? publishedAt.toISOString() : null;
  return <PostEditor initial={{ slug, title, priceCents, markdown, published, tags, publishAt }} />;
}
