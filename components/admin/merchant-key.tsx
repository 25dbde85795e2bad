"use client";
import { CopyField } from "@/components/copy-field";

export interface IssuedKey {
  pid: number;
  name: string;
  key: string;
}

/** The merchant key, shown once after create / rotate: the server never lists it again. */
export function MerchantKey({ issued, onClose }: { issued: IssuedKey; onClose: () => void }) {
  const base = `${window.location.origin}/`;
  return (
    <div role="region" aria-label="商户密钥" className="space-y-3 rounded-xl border-2 border-amber-400 bg-amber-50 p-4 text-sm">
      <p className="font-semibold text-amber-900">「{issued.name}」的密钥只显示这一次，请立即复制保存。</p>
      <div>
        商户ID（pid）
        <CopyField value={String(issued.pid)} label="商户ID" />
      </div>
      <div>
        商户密钥（key）
        <CopyField value={issued.key} label="商户密钥" />
      </div>
      <div>
        接口地址（易支付填写时以 / 结尾；dujiaoka 填 {base}submit.php）
        <CopyField value={base} label="接口地址" />
      </div>
      <p className="text-stone-600">V免签客户端只需要「接口地址」和「通讯密钥」（即上面的商户密钥）。详见 docs/gateway.md。</p>
      <button type="button" onClick={onClose} className="rounded bg-stone-900 px-3 py-1 text-white">
        我已保存
      </button>
    </div>
  );
}
