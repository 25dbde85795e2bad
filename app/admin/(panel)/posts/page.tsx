import { PostList } from "@/components/admin/post-list";

export const metadata = { title: "文章" };

export default function PostsPage() {
  return <PostList />;
}
