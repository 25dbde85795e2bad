"use client";
import { deviceSetup } from "@/lib/devices/setup";
import { QrCode } from "@/components/qr-code";
import { CopyField } from "@/components/copy-field";

import type { Json } from "@/lib/client/api";
import type { IssuedSecret as ServerIssuedSecret } from "@/lib/devices/admin";

export type IssuedSecret = Json<ServerIssuedSecret>;

const HOWTO: Record<string, string> = {
  native: "在自建通知转发程序里填写设备 ID 与密钥，按 Standard Webhooks 签名后 POST 到下方地址。以下命令可发送一次心跳测试：",
  smsforwarder:
    "SmsForwarder → 发送通道 → 新建「Webhook」：请求方式 POST，填写下方网址与密钥（Secret），消息模板粘贴下面的 JSON（留空也能用）；转发规则选「应用」，包名匹配微信 com.tencent.mm / 支付宝 com.eg.android.AlipayGphone。心跳：自动任务 → 新建，名称填「心跳」，条件「定时任务」每分钟，动作「推送通知」选这个发送通道。",
  vmq: "V免签监控端 → 手动配置（或扫码配置）中填写下面的「地址/密钥」。该 App 只走 http:// 明文，签名只覆盖金额和时间、不覆盖通知原文；能用 SmsForwarder 时更推荐。",
};

/** The secret and ready-made setup, shown once after create / rotate — the server never lists it again. */
export function DeviceSecret({ issued, onClose }: { issued: IssuedSecret; onClose: () => void }) {
  const setup = deviceSetup(window.location.origin, issued.device, issued.secret);
  return (
    <div role="region" aria-label="设备密钥" className="space-y-3 rounded-xl border-2 border-amber-400 bg-amber-50 p-4 text-sm">
      <p className="font-semibold text-amber-900">「{issued.device.name}」的密钥只显示这一次，请立即复制保存。</p>
      <div>
        设备 ID
        <CopyField value={issued.device.id} label="设备 ID" />
      </div>
      <div>
        密钥
        <CopyField value={issued.secret} label="密钥" />
      </div>
      <div>
        通知地址
        <CopyField value={setup.url} label="通知地址" />
      </div>
      <p>{HOWTO[setup.protocol]}</p>
      <pre
        data-testid="device-setup"
        className="overflow-x-auto whitespace-pre-wrap break-all rounded bg-stone-900 p-3 text-xs text-stone-100"
      >
        {setup.text}
      </pre>
      {setup.qr && <QrCode payload={setup.qr} label="V免签配置二维码" size={180} />}
      <button type="button" onClick={onClose} className="rounded-lg bg-stone-900 px-4 py-2 text-white">
        我已保存
      </button>
    </div>
  );
}
