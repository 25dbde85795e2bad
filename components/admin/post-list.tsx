"use client";
import Link from "next/link";
import { useAdmin, adminSend } from "@/lib/swr/use-admin";
import { formatCents } from "@/lib/money";
import { PUBLICATION, publication } from "@/lib/articles/publication";
import type { Json } from "@/lib/client/api";
import type { AdminArticleRow as ServerRow } from "@/lib/articles/admin";
import { ActionButton, Badge, Card, ItemList, Row, StateBadge } from "@/components/admin/kit";

type AdminArticleRow = Json<ServerRow>;

export function PostList() {
  const { data, error, mutate } = useAdmin<{ items: AdminArticleRow[] }>("/api/admin/articles");
  return (
    <Card
      title="文章"
      action={
        <Link href="/admin/posts/new" className="rounded-lg bg-stone-900 px-3 py-1.5 text-sm text-white">
          写文章
        </Link>
      }
    >
      <ItemList items={data?.items} error={error} empty="还没有文章。" refresh={mutate}>
        {(a) => (
          <Row key={a.slug}>
            <Link href={`/admin/posts/${a.slug}`} className="min-w-0 flex-1 truncate font-medium hover:underline">
              {a.title}
            </Link>
            <span className="text-sm text-stone-500">{a.priceCents ? `¥${formatCents(a.priceCents)}` : "免费"}</span>
            <StateBadge vocab={PUBLICATION} state={publication(a.published)} />
            {a.demo && (
              <Badge tone="neutral" title="演示文章：演示模式下可以用「模拟付款」解锁；编辑后变为你自己的文章">
                演示
              </Badge>
            )}
            <ActionButton
              className="text-sm"
              action={() => adminSend("PATCH", `/api/admin/articles/${a.slug}`, { published: !a.published })}
            >
              {a.published ? "下架" : "发布"}
            </ActionButton>
            {a.published && (
              <Link href={`/posts/${a.slug}`} className="text-sm text-stone-600 underline">
                查看
              </Link>
            )}
            <ActionButton
              tone="danger"
              className="text-sm"
              confirm={`确定删除「${a.title}」？此操作不能撤销。`}
              action={() => adminSend("DELETE", `/api/admin/articles/${a.slug}`)}
            >
              删除
            </ActionButton>
          </Row>
        )}
      </ItemList>
    </Card>
  );
}
