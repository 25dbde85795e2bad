import { PostList } from "@/components/admin/post-list";
import { requireAdminPage } from "@/app/admin/require-admin";

export const metadata = { title: "文章" };

export default async function PostsPage() {
  await requireAdminPage();
  return <PostList />;
}
