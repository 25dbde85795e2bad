"use client";
import { useState } from "react";
import type { Json } from "@/lib/client/api";
import { adminSend } from "@/lib/swr/use-admin";
import { formatCents } from "@/lib/money";
import { chinaDay } from "@/lib/china-time";
import { ORDER_KIND_LABEL } from "@/lib/targets";
import { UNKNOWN_STATE_LABEL } from "@/lib/vocabulary";
import type { TraceResult } from "@/lib/trace/trace";
import type { ReaderDossier } from "@/lib/trace/reader";
import { Button, Card } from "@/components/admin/kit";
import { Form, FormMessage, Note, SubmitRow, TextAreaField, useFormAction } from "@/components/admin/kit/forms";

type Result = Json<TraceResult>;

const percent = (c: number) => (c >= 0.999999 ? "> 99.9999%" : `${(c * 100).toFixed(4)}%`);

/** 泄露追踪: paste a leaked passage, see which purchase it came from, act on that reader. */
export function LeakTracer() {
  const form = useFormAction("追踪失败，请重试。");
  const [result, setResult] = useState<Result | null>(null);
  return (
    <>
      <Card title="泄露追踪">
        <Note lead>
          在群聊、公众号或其他网站看到付费文章被转载时，把其中一段（最好 300 字以上，原样复制，不要重新打字）粘贴到这里。
          每位读者看到的付费正文里都藏着看不见的记号，能指回他的那一笔购买。
        </Note>
        <Form
          layout="stack"
          onSubmit={form.submit(async (data) => {
            setResult(null);
            setResult(await adminSend<Result>("POST", "/api/admin/trace", { text: String(data.get("text") ?? "") }));
          })}
        >
          <TextAreaField label="泄露的文字" name="text" required placeholder="粘贴泄露的文字…" className="h-48" />
          <div>
            <SubmitRow form={form} label="追踪来源" pending="追踪中…" />
          </div>
        </Form>
        <Note>
          无法追溯：重新打字的文字、截图或截图识别（OCR）出的文字、被工具删掉所有不可见字符的文字、文章开头的公开部分和免费文章。
          截图流传时，可在「站点设置」里打开「本文仅供 读者 XXXXXX 阅读」，再把截图里的读者编号粘贴到这里。
        </Note>
      </Card>
      {result && <Outcome result={result} />}
    </>
  );
}

function Outcome({ result }: { result: Result }) {
  return (
    <Card title="追踪结果">
      <p className="text-sm font-medium" data-testid="trace-verdict">
        {result.verdict}
      </p>
      {result.posts.map((p) => (
        <div key={p.slug} className="mt-3 rounded-lg border border-stone-200 p-3 text-sm">
          <p>
            来自《{p.title}》：{p.evidence.aligned}/{p.evidence.han} 个汉字对上原文，记号{" "}
            {p.evidence.zeroWidth + p.evidence.variationSelectors} 处（零宽字符 {p.evidence.zeroWidth}、变体选择符{" "}
            {p.evidence.variationSelectors}）。
          </p>
          {p.match ? (
            <div className="mt-2" data-testid="trace-match">
              <p>
                购买：{p.match.grant.kind ? ORDER_KIND_LABEL[p.match.grant.kind] : UNKNOWN_STATE_LABEL}
                {p.match.grant.orderId && `（订单 ${p.match.grant.orderId}）`}
                {!p.match.grant.stillValid && "，已作废"}
                {p.match.restoredBrowser && "，经恢复链接在另一台设备上阅读"}；可信度 {percent(p.match.confidence)}（{p.match.bitsAgreeing}/
                {p.match.bitsSeen} 位吻合，{p.match.method === "reed-solomon" ? "纠错解码" : "逐一比对"}）。
              </p>
              <Reader reader={p.match.reader} />
            </div>
          ) : (
            <p className="mt-2 text-stone-500">没有能确定的购买记录。</p>
          )}
        </div>
      ))}
      {result.labels.map((l) => (
        <div key={l.label} className="mt-3 rounded-lg border border-stone-200 p-3 text-sm">
          <p>文字里有可见的读者编号「{l.label}」。</p>
          <Reader reader={l.reader} />
        </div>
      ))}
    </Card>
  );
}

const REVOKE_WARNING = "作废这位读者的全部购买（单篇、专栏、全站通）并停用他的私人订阅？订单仍记为已付款，款项不会自动退回。";
const ROTATE_WARNING = "更换这位读者的私人订阅地址？旧地址立即失效，读者会在「我的购买」里看到新地址。";

function Reader({ reader }: { reader: Json<ReaderDossier> }) {
  const action = useFormAction();
  const act = (url: string, question: string, said: (r: Record<string, number>) => string) => {
    if (!window.confirm(question)) return;
    void action.run(async () => said(await adminSend<Record<string, number>>("POST", url, { readerId: reader.readerId })));
  };
  const pass =
    reader.pass.active &&
    `；全站通${reader.pass.lifetime ? "（永久）" : `（至 ${reader.pass.until ? chinaDay(new Date(reader.pass.until)) : ""}）`}`;
  return (
    <div className="mt-2 space-y-1">
      <p>
        读者：{reader.label}（ID {reader.readerId}）
      </p>
      <p className="text-stone-600">
        买过：
        {reader.posts.map((x) => `《${x.title}》${x.amountCents !== null ? ` ¥${formatCents(x.amountCents)}` : ""}`).join("、") || "无单篇"}
        {reader.series.length > 0 && `；专栏 ${reader.series.map((s) => `《${s.title}》`).join("、")}`}
        {pass}
      </p>
      <p className="text-stone-600">
        已付订单 {reader.orders.length} 笔；恢复链接 {reader.restoreLinks.length} 个；私人订阅 {reader.feeds} 个。
      </p>
      <div className="flex flex-wrap gap-2 pt-1">
        <Button
          tone="danger-solid"
          disabled={action.busy}
          onClick={() =>
            act(
              "/api/admin/trace/revoke",
              REVOKE_WARNING,
              (r) => `已作废 ${r.posts} 篇、${r.series} 个专栏、${r.passes} 段全站通，停用 ${r.feeds} 个订阅地址。`,
            )
          }
        >
          作废该读者的购买
        </Button>
        <Button
          tone="outline"
          disabled={action.busy}
          onClick={() => act("/api/admin/trace/rotate-feed", ROTATE_WARNING, (r) => `已更换 ${r.rotated} 个订阅地址。`)}
        >
          更换他的私人订阅地址
        </Button>
      </div>
      <FormMessage error={action.error} message={action.message} />
    </div>
  );
}
