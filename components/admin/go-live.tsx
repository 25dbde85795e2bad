"use client";
import Link from "next/link";
import { useState } from "react";
import { useAdmin, adminSend } from "@/lib/swr/use-admin";
import type { Json } from "@/lib/client/api";
import { protocolLabel } from "@/lib/protocols";
import { DEVICE_STATE, deviceState } from "@/lib/devices/state";
import { outcomeLabel } from "@/lib/notify/outcome";
import { Card, Notice, StateText, TimeText } from "@/components/admin/kit";
import { Form, SelectField, SubmitRow, TextField, useFormAction } from "@/components/admin/kit/forms";
import { DEVICE_APPS } from "@/components/admin/device-apps";
import { DeviceSecret, type IssuedSecret } from "@/components/admin/device-secret";
import type { Walkthrough } from "@/lib/admin/walkthrough";

// The recommended app first, said so.
const APPS = DEVICE_APPS.map(([v, l], i) => [v, i === 0 ? `${l}（推荐）` : l] as const);

function Step({ n, title, done, children }: { n: number; title: string; done: boolean; children: React.ReactNode }) {
  return (
    <Card>
      <h2 className="mb-2 flex items-center gap-2 font-semibold">
        <span
          className={`flex h-6 w-6 items-center justify-center rounded-full text-xs text-white ${done ? "bg-emerald-600" : "bg-stone-400"}`}
        >
          {done ? "✓" : n}
        </span>
        {title}
        {done && <span className="text-sm font-normal text-emerald-700">已完成</span>}
      </h2>
      <div className="space-y-2 text-sm">{children}</div>
    </Card>
  );
}

/** First steps after setup: codes → phone (with the device's setup) → test → done. Polls as the phone reports in. */
export function GoLive() {
  const { data, error, mutate } = useAdmin<Json<Walkthrough>>("/api/admin/go-live", 3000);
  const [issued, setIssued] = useState<IssuedSecret | null>(null);
  const form = useFormAction("添加失败");
  const addPhone = form.submit(async (f) => {
    setIssued(await adminSend<IssuedSecret>("POST", "/api/admin/devices", { name: f.get("name"), protocol: f.get("protocol") }));
    await mutate();
  });
  if (error) return <Notice error={error} feature="上线向导" />;
  if (!data) return <p className="text-sm text-stone-400">加载中…</p>;
  const parsed = data.test.last?.parseResult as { channel?: string; amountCents?: number; ignored?: string } | null | undefined;
  return (
    <>
      <h1 className="text-xl font-bold">上线向导</h1>
      <p className="text-sm text-stone-600">三步开始真实收款。每一步完成后自动打勾（页面每 3 秒刷新一次）。</p>
      <Step n={1} title="上传你的收款码" done={data.codes.done}>
        <p>
          已上传微信 {data.codes.wechat} 个、支付宝 {data.codes.alipay} 个（演示码不算）。截图微信「收付款 →
          二维码收款」或支付宝「收钱」页面，在
          <Link href="/admin/qr" className="mx-1 text-blue-700 underline">
            收款码
          </Link>
          页面上传。
        </p>
      </Step>
      <Step n={2} title="连接收款手机" done={data.phone.done}>
        {data.phone.devices.length > 0 && (
          <ul className="space-y-1">
            {data.phone.devices.map((d) => (
              <li key={d.id}>
                {d.name}（{protocolLabel(d.protocol)}）：
                <StateText vocab={DEVICE_STATE} state={deviceState(d)} />
                ，最后联系 <TimeText at={d.lastSeenAt} />
              </li>
            ))}
          </ul>
        )}
        {issued ? (
          <DeviceSecret issued={issued} onClose={() => setIssued(null)} />
        ) : (
          <Form onSubmit={addPhone}>
            <TextField label="手机名称" name="name" required maxLength={60} defaultValue="收款手机" />
            <SelectField label="转发应用" name="protocol" options={APPS} />
            <SubmitRow form={form} label="添加并显示配置" />
          </Form>
        )}
        <p className="text-xs text-stone-500">
          手机设置（通知权限、关闭电池优化、允许自启动）见 docs/connect-phone.md。手机发出第一次心跳或通知后，这一步自动完成。
        </p>
      </Step>
      <Step n={3} title="发送一条测试" done={data.test.done}>
        <p>
          在 SmsForwarder 的发送通道里点「测试」，或用另一个账号向你的收款码付 0.01
          元（之后在「收款」里标记已退款）。服务器收到后会显示在这里：
        </p>
        {data.test.last ? (
          <p className="rounded bg-stone-50 p-2" data-testid="go-live-last">
            <TimeText at={data.test.last.receivedAt} /> 收到：
            {parsed?.amountCents !== undefined
              ? `识别为收款 ¥${(parsed.amountCents / 100).toFixed(2)}`
              : `已连通（不是收款通知：${parsed?.ignored ?? outcomeLabel(data.test.last.outcome)}）`}
          </p>
        ) : (
          <p className="text-stone-500">还没有收到手机转发的通知。</p>
        )}
      </Step>
      {data.done ? (
        <Card>
          <p className="text-sm">
            <span className="font-semibold text-emerald-700">全部完成。</span>
            {data.demo ? "" : "演示模式已关闭，读者现在付款会自动解锁。"}建议再到
            <Link href="/admin/alerts" className="mx-1 text-blue-700 underline">
              提醒
            </Link>
            设置手机提醒。
          </p>
          <Link href="/admin" className="mt-3 inline-block rounded-lg bg-stone-900 px-4 py-2 text-sm text-white">
            完成，进入概览
          </Link>
        </Card>
      ) : (
        <Link href="/admin" className="text-sm text-stone-500 underline">
          稍后再说，先进入后台
        </Link>
      )}
    </>
  );
}
