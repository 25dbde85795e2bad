import { notFound } from "next/navigation";
import { getArticleForAdmin } from "@/lib/articles/admin";
import { isAppError } from "@/lib/errors";
import { PostEditor } from "@/components/admin/post-editor";

export const metadata = { title: "编辑文章" };

export default async function EditPostPage({ params }: { params: Promise<{ slug: string }> }) {
  const article = await getArticleForAdmin((await params).slug).catch((e) => {
    if (isAppError(e)) notFound();
    throw e;
  });
  const { slug, title, priceCents, markdown, published } = article;
  return <PostEditor initial={{ slug, title, priceCents, markdown, published }} />;
}
