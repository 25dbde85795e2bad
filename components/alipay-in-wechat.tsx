"use client";
import { CopyField } from "@/components/copy-field";

/**
 * Alipay chosen inside WeChat's browser: WeChat will not open Alipay, so instead
 * of a dead link say how to get out, and offer WeChat's own way to pay.
 */
export function AlipayInWeChat({ onUseWeChat }: { onUseWeChat: () => void }) {
  return (
    <div className="mt-4 space-y-3 text-sm text-stone-700" data-testid="alipay-in-wechat">
      <p className="rounded-lg bg-amber-50 p-3 text-amber-900 ring-1 ring-amber-200">
        微信内无法打开支付宝。请点右上角 <b>···</b> → <b>在浏览器打开</b>，在浏览器里再点「阅读全文」选择支付宝付款。
      </p>
      <p>也可以复制本页链接，粘贴到手机浏览器打开：</p>
      <CopyField value={typeof window === "undefined" ? "" : window.location.href} label="本页链接" />
      <p className="text-xs text-stone-500">在浏览器里付款后，全文在那个浏览器里解锁；回到微信阅读，请在「我的购买」复制恢复链接。</p>
      <button type="button" onClick={onUseWeChat} className="w-full rounded-lg bg-brand py-2 font-medium text-white">
        改用微信付款
      </button>
    </div>
  );
}
