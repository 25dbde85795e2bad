"use client";
import { useState } from "react";
import { formatCents, yuanToCents } from "@/lib/money";
import type { TipOptions } from "@/lib/orders/tips";
import type { ChannelOrder } from "@/lib/settings/schema";
import { LazyPayDialog, preloadOnIntent, preloadPayDialog } from "@/components/pay-dialog-lazy";

interface TipBoxProps {
  slug: string;
  demo: boolean;
  options: TipOptions;
  channelOrder: ChannelOrder;
}

/** 赞赏 under every post: preset amounts or the reader's own, paid like an order; unlocks nothing, says thank you. */
export function TipBox({ slug, demo, options, channelOrder }: TipBoxProps) {
  const [open, setOpen] = useState(false);
  const [custom, setCustom] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [paying, setPaying] = useState<number | null>(null);
  const [thanked, setThanked] = useState(false);
  const range = `${formatCents(options.minCents)}–${formatCents(options.maxCents)}`;

  function payCustom(e: React.FormEvent) {
    e.preventDefault();
    const cents = yuanToCents(custom);
    if (cents === null || cents < options.minCents || cents > options.maxCents) {
      setError(`请输入 ¥${formatCents(options.minCents)} 到 ¥${formatCents(options.maxCents)} 之间的金额。`);
      return;
    }
    setError(null);
    setPaying(cents);
  }

  return (
    <section aria-label="赞赏" className="mt-10 border-t border-stone-200 pt-6 text-center">
      {thanked && (
        <p role="status" className="mb-3 rounded bg-rose-50 p-3 text-rose-800" data-testid="tip-thanks">
          谢谢你的赞赏！你的支持是我继续写下去的动力。
        </p>
      )}
      {!open ? (
        <button
          type="button"
          onClick={() => {
            setOpen(true);
            preloadPayDialog(); // the reader picks an amount next: fetch the dialog meanwhile
          }}
          {...preloadOnIntent}
          className="rounded-full bg-rose-500 px-6 py-2 font-medium text-white hover:bg-rose-600"
        >
          赞赏
        </button>
      ) : (
        <div className="mx-auto max-w-sm">
          <p className="text-sm text-stone-600">喜欢这篇文章？请作者喝杯咖啡</p>
          <div className="mt-3 flex flex-wrap justify-center gap-2">
            {options.presetsCents.map((c) => (
              <button
                key={c}
                type="button"
                onClick={() => setPaying(c)}
                className="rounded-full border border-rose-400 px-4 py-1.5 text-rose-700 hover:bg-rose-50"
              >
                ¥{formatCents(c)}
              </button>
            ))}
          </div>
          <form onSubmit={payCustom} className="mt-3 flex items-center justify-center gap-2 text-sm">
            <label>
              自定义金额（元）
              <input
                value={custom}
                onChange={(e) => setCustom(e.target.value)}
                inputMode="decimal"
                placeholder={range}
                className="ml-1 w-24 rounded border border-stone-300 px-2 py-1"
              />
            </label>
            <button type="submit" className="rounded bg-stone-900 px-3 py-1 text-white">
              赞赏
            </button>
          </form>
          {error && (
            <p role="alert" className="mt-2 text-sm text-red-600">
              {error}
            </p>
          )}
        </div>
      )}
      {paying !== null && (
        <LazyPayDialog
          body={{ tip: true, slug, amountCents: paying }}
          title={`赞赏作者 ¥${formatCents(paying)}`}
          priceCents={paying}
          demo={demo}
          channelOrder={channelOrder}
          onPaid={() => setThanked(true)}
          onClose={() => setPaying(null)}
        />
      )}
    </section>
  );
}
