"use client";
import { CHANNEL_LABEL, type Channel } from "@/lib/channels";

export function ChannelTabs({ value, onChange, alipayFirst }: { value: Channel; onChange: (c: Channel) => void; alipayFirst: boolean }) {
  const order: Channel[] = alipayFirst ? ["alipay", "wechat"] : ["wechat", "alipay"];
  return (
    <div role="radiogroup" aria-label="付款方式" className="mt-3 grid grid-cols-2 gap-2">
      {order.map((c) => (
        <button
          key={c}
          type="button"
          role="radio"
          aria-checked={value === c}
          onClick={() => value !== c && onChange(c)}
          className={`rounded-lg border py-2 font-medium ${
            value === c
              ? c === "wechat"
                ? "border-brand bg-brand text-white"
                : "border-alipay bg-alipay text-white"
              : "border-stone-300 text-stone-700"
          }`}
        >
          {CHANNEL_LABEL[c]}
        </button>
      ))}
    </div>
  );
}
