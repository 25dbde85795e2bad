"use client";
import { CHANNEL_LABEL, type Channel } from "@/lib/channels";

/** The payment channel choice; `order` comes from preferredChannels (lib/client/device.ts). */
export function ChannelTabs({ value, onChange, order }: { value: Channel; onChange: (c: Channel) => void; order: Channel[] }) {
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
          {order[0] === c && order.length > 1 && <span className="ml-1 text-xs font-normal opacity-80">推荐</span>}
        </button>
      ))}
    </div>
  );
}
