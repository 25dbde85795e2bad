import { RequestInbox } from "@/components/admin/request-inbox";
import { ProblemList } from "@/components/admin/problem-list";
import { requireAdminPage } from "@/app/admin/require-admin";

export const metadata = { title: "读者请求" };

export default async function Page() {
  await requireAdminPage();
  return (
    <>
      <RequestInbox />
      <ProblemList />
    </>
  );
}
