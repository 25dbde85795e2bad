"use client";
import { SecretOnce } from "@/components/admin/kit";

export interface IssuedKey {
  pid: number;
  name: string;
  key: string;
}

/** The merchant key, shown once after create / rotate: the server never lists it again. */
export function MerchantKey({ issued, onClose }: { issued: IssuedKey; onClose: () => void }) {
  const base = `${window.location.origin}/`;
  return (
    <SecretOnce
      name="商户密钥"
      title={`「${issued.name}」的密钥只显示这一次，请立即复制保存。`}
      onClose={onClose}
      fields={[
        { caption: "商户ID（pid）", label: "商户ID", value: String(issued.pid) },
        { caption: "商户密钥（key）", label: "商户密钥", value: issued.key },
        { caption: `接口地址（易支付填写时以 / 结尾；dujiaoka 填 ${base}submit.php）`, label: "接口地址", value: base },
      ]}
    >
      <p className="text-stone-600">V免签客户端只需要「接口地址」和「通讯密钥」（即上面的商户密钥）。详见 docs/gateway.md。</p>
    </SecretOnce>
  );
}
