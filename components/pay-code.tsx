"use client";
import { useCallback, useState } from "react";
import { formatCents } from "@/lib/money";
import { alipayDeepLink, isWeChatBrowser } from "@/lib/client/device";
import type { OrderResponse } from "@/lib/orders/view";
import { CHANNEL_LABEL } from "@/lib/channels";
import { QrCode } from "@/components/qr-code";

interface PayCodeProps {
  order: OrderResponse;
  qr: { payload: string; fixedAmount: boolean };
  mobile: boolean;
}

/** QR code, the exact amount in large type, and the phone-specific way to pay. */
export function PayCode({ order, qr, mobile }: PayCodeProps) {
  const [png, setPng] = useState<string | null>(null);
  const onPng = useCallback((u: string) => setPng(u), []);
  const yuan = formatCents(order.amountCents);
  const app = CHANNEL_LABEL[order.channel];
  return (
    <div className="mt-4 text-center">
      <p className="text-sm text-stone-600">{qr.fixedAmount ? "请支付" : "请输入金额"}</p>
      <p className="text-4xl font-bold tracking-tight text-orange-600" data-testid="pay-amount">
        ¥{yuan}
      </p>
      <p className="mb-3 text-xs text-stone-500">
        {qr.fixedAmount ? "金额需完全一致，扫码后直接确认付款" : `金额需完全一致：扫码后手动输入 ${yuan} 元`}
      </p>
      {mobile && order.channel === "wechat" && png ? (
        // An <img> can be long-pressed and saved, which WeChat needs: it cannot scan its own screen.
        // eslint-disable-next-line @next/next/no-img-element
        <img src={png} alt={`${app}收款码`} width={220} height={220} className="mx-auto" />
      ) : (
        <QrCode payload={qr.payload} label={`${app}收款码，金额 ${yuan} 元`} onPng={mobile ? onPng : undefined} />
      )}
      {mobile && order.channel === "alipay" && (
        <a href={alipayDeepLink(qr.payload)} className="mt-3 block rounded-lg bg-alipay py-2 font-medium text-white">
          打开支付宝付款
        </a>
      )}
      {mobile && order.channel === "wechat" && (
        <div className="mt-3 text-sm text-stone-600">
          <p>保存二维码 → 微信「扫一扫」→ 右上角「相册」选择图片</p>
          {png && !isWeChatBrowser(navigator.userAgent) && (
            <a
              href={png}
              download={`微信付款-${yuan}元.png`}
              className="mt-2 inline-block rounded-lg bg-brand px-4 py-2 font-medium text-white"
            >
              保存二维码
            </a>
          )}
          {png && isWeChatBrowser(navigator.userAgent) && <p className="mt-1">在微信内：长按上方二维码 →「保存图片」</p>}
        </div>
      )}
      {!mobile && <p className="mt-2 text-sm text-stone-600">请用手机{app}扫一扫</p>}
    </div>
  );
}
