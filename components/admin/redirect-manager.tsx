"use client";
import { useAdmin, adminSend } from "@/lib/swr/use-admin";
import type { Json } from "@/lib/client/api";
import type { RedirectRow } from "@/lib/redirects/admin";
import { REDIRECT_SOURCE } from "@/lib/redirects/source";
import { ActionButton, Card, ItemList, Row, RowActions, StateText } from "@/components/admin/kit";
import { Form, Note, SubmitRow, TextField, useFormAction } from "@/components/admin/kit/forms";

/** 旧链接跳转: imported permalinks and the owner's own, each answering 301 to its new address. */
export function RedirectManager() {
  const { data, error, mutate } = useAdmin<{ items: Json<RedirectRow>[] }>("/api/admin/redirects");
  const form = useFormAction("添加失败，请重试。");
  const add = form.submit(
    async (f) => {
      await adminSend("POST", "/api/admin/redirects", { from: String(f.get("from") ?? ""), to: String(f.get("to") ?? "") });
      await mutate();
    },
    { reset: true },
  );
  return (
    <Card title="旧链接跳转">
      <Note lead>
        旧博客的地址（如 /2024/05/my-post/、/archives/123、/p/slug.html、/?p=123）以 301
        永久跳转到新文章，搜索引擎的收录和别人引用的链接都不会失效。导入时自动添加。
      </Note>
      <Form onSubmit={add} className="mb-3">
        <TextField label="旧地址" name="from" required placeholder="/archives/123" />
        <TextField label="新地址" name="to" required placeholder="文章的网址（slug）或 / 开头的路径" />
        <SubmitRow form={form} label="添加跳转" pending="添加中…" />
      </Form>
      <ItemList items={data?.items} error={error} feature="跳转" empty="还没有跳转。" refresh={mutate}>
        {(r) => (
          <Row key={r.id}>
            <code className="min-w-0 break-all">{r.fromPath}</code>
            <span className="text-stone-400">→</span>
            <span className="min-w-0 flex-1 break-all">
              {r.to}
              {r.title && <span className="text-stone-500">（{r.title}）</span>}
            </span>
            <StateText vocab={REDIRECT_SOURCE} state={r.source} className="text-xs" />
            <RowActions>
              <ActionButton tone="danger" action={() => adminSend("DELETE", `/api/admin/redirects/${r.id}`)}>
                删除
              </ActionButton>
            </RowActions>
          </Row>
        )}
      </ItemList>
    </Card>
  );
}
