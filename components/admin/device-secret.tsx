"use client";
import { deviceSetup } from "@/lib/devices/setup";
import { QrCode } from "@/components/qr-code";
import { SecretOnce } from "@/components/admin/kit";

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
    <SecretOnce
      name="设备密钥"
      title={`「${issued.device.name}」的密钥只显示这一次，请立即复制保存。`}
      onClose={onClose}
      fields={[
        { caption: "设备 ID", label: "设备 ID", value: issued.device.id },
        { caption: "密钥", label: "密钥", value: issued.secret },
        { caption: "通知地址", label: "通知地址", value: setup.url },
      ]}
    >
      <p>{HOWTO[setup.protocol]}</p>
      <pre
        data-testid="device-setup"
        className="overflow-x-auto whitespace-pre-wrap break-all rounded bg-stone-900 p-3 text-xs text-stone-100"
      >
        {setup.text}
      </pre>
      {setup.qr && <QrCode payload={setup.qr} label="V免签配置二维码" size={180} />}
    </SecretOnce>
  );
}
