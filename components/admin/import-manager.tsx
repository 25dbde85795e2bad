"use client";
import { useState } from "react";
import { mutate } from "swr";
import { adminSend } from "@/lib/swr/use-admin";
import type { ImportSummary } from "@/lib/import/types";
import { Card } from "@/components/admin/kit";
import { Field, Form, Note, SubmitRow, useFormAction } from "@/components/admin/kit/forms";

/** 导入: one file from the old blog (WordPress .xml, Ghost .json, a .zip of Markdown) → what came across. */
export function ImportManager() {
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const form = useFormAction("导入失败，请重试。");
  const submit = form.submit(async (f) => {
    setSummary(null);
    setSummary(await adminSend<ImportSummary>("POST", "/api/admin/import", f));
    // The page's other lists change with an import: the redirects below, the posts list.
    await Promise.all([mutate("/api/admin/redirects"), mutate("/api/admin/articles")]);
  });
  return (
    <Card title="导入文章">
      <Note lead>
        支持 WordPress 导出的 .xml、Ghost 导出的 .json，以及 Hexo / Hugo / Jekyll / Obsidian 的 Markdown 文章打成的
        .zip（图片一起打包会一并导入）。 front matter 里的 <code>price: 3</code> 让文章收费，<code>&lt;!-- more --&gt;</code> 或{" "}
        <code>&lt;!-- paywall --&gt;</code> 之前是公开部分。
        同一个文件再导入一次会更新之前导入的文章，不会重复。旧网址会自动跳转到新文章。各平台的导出方法见 docs/import.md。
      </Note>
      <Form layout="stack" onSubmit={submit}>
        <Field label="要导入的文件" stacked>
          <input name="file" type="file" required accept=".xml,.json,.zip" className="mt-1 block" />
        </Field>
        <div>
          <SubmitRow form={form} label="上传并导入" pending="正在导入…" />
        </div>
      </Form>
      {summary && <ImportReport s={summary} />}
    </Card>
  );
}

function ImportReport({ s }: { s: ImportSummary }) {
  return (
    <div className="mt-3 space-y-2 text-sm" data-testid="import-summary" role="status">
      <p className="font-medium text-emerald-700">
        导入完成：新增 {s.posts} 篇，更新 {s.updated} 篇，图片 {s.images} 张，旧链接跳转 {s.redirects} 条。
      </p>
      <NoteList title={`未导入（${s.skipped.length}）`} notes={s.skipped} />
      <NoteList title={`需要留意（${s.warnings.length}）`} notes={s.warnings} />
    </div>
  );
}

function NoteList({ title, notes }: { title: string; notes: { item: string; reason: string }[] }) {
  if (notes.length === 0) return null;
  return (
    <details open={notes.length <= 10}>
      <summary className="cursor-pointer text-stone-700">{title}</summary>
      <ul className="mt-1 list-disc space-y-0.5 pl-5 text-stone-600">
        {notes.map((n, i) => (
          <li key={i}>
            <span className="text-stone-900">{n.item}</span>：{n.reason}
          </li>
        ))}
      </ul>
    </details>
  );
}
