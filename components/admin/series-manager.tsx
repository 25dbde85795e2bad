"use client";
import { useState } from "react";
import Link from "next/link";
import { useAdmin, adminGet, adminSend } from "@/lib/swr/use-admin";
import { formatCents } from "@/lib/money";
import { PUBLICATION, publication } from "@/lib/articles/publication";
import type { Json } from "@/lib/client/api";
import type { listSeriesForAdmin, SeriesForAdmin } from "@/lib/series/admin";
import { ActionButton, Button, Card, ItemList, Row, StateBadge } from "@/components/admin/kit";
import { SeriesForm } from "@/components/admin/series-form";

type Series = Json<Awaited<ReturnType<typeof listSeriesForAdmin>>[number]>;

/** /admin/series: series (专栏) with their posts, readers who own them, and the editor. */
export function SeriesManager() {
  const { data, error, mutate } = useAdmin<{ items: Series[] }>("/api/admin/series");
  const [editing, setEditing] = useState<Json<SeriesForAdmin> | null>(null);
  return (
    <>
      <Card title="专栏">
        <ItemList items={data?.items} error={error} empty="还没有专栏。" refresh={mutate}>
          {(s) => (
            <Row key={s.slug}>
              <span className="min-w-0 flex-1 font-medium">{s.title}</span>
              <span>¥{formatCents(s.priceCents)}</span>
              <span className="text-stone-500">
                {s.posts} 篇 · {s.owners} 位读者
              </span>
              <StateBadge vocab={PUBLICATION} state={publication(s.published)} />
              {s.published && (
                <Link href={`/series/${s.slug}`} className="text-stone-600 underline">
                  查看
                </Link>
              )}
              <ActionButton
                then={() => {}}
                action={async () => setEditing(await adminGet<Json<SeriesForAdmin>>(`/api/admin/series/${s.slug}`))}
              >
                编辑
              </ActionButton>
              <ActionButton
                tone="danger"
                confirm={`确定删除专栏「${s.title}」？文章本身不会被删除。`}
                action={() => adminSend("DELETE", `/api/admin/series/${s.slug}`)}
              >
                删除
              </ActionButton>
            </Row>
          )}
        </ItemList>
      </Card>
      <Card
        title={editing ? `编辑专栏「${editing.title}」` : "新建专栏"}
        action={
          editing && (
            <Button tone="link" className="text-sm" onClick={() => setEditing(null)}>
              改为新建
            </Button>
          )
        }
      >
        <SeriesForm
          key={editing?.slug ?? "new"}
          editing={editing}
          onSaved={async () => {
            setEditing(null);
            await mutate();
          }}
        />
      </Card>
    </>
  );
}
