import { PostEditor } from "@/components/admin/post-editor";

export const metadata = { title: "写文章" };

export default function NewPostPage() {
  return <PostEditor />;
}
