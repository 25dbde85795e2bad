"use client";
import { useCallback, useState } from "react";
import { useRouter } from "next/navigation";
import { formatCents } from "@/lib/money";
import { api, send, type Json } from "@/lib/client/api";
import { passLengthLabel } from "@/lib/passes/period";
import type { OrderBody } from "@/lib/orders/request";
import type { PassOffer } from "@/lib/passes/queries";
import type { SeriesOffer } from "@/lib/series/queries";
import type { ChannelOrder } from "@/lib/settings/schema";
import type { ReadableBody } from "@/lib/entitlements/readable-body";
import { LazyPayDialog, preloadOnIntent } from "@/components/pay-dialog-lazy";
import { UnlockedBody } from "@/components/unlocked-body";

interface PaywallProps {
  slug: string;
  priceCents: number;
  demo: boolean;
  /** The owner's channel order (site settings); WeChat's in-app browser always starts on WeChat. */
  channelOrder: ChannelOrder;
  /** Passes on sale and the series this post is in: offered beside the single post. */
  passes?: PassOffer[];
  series?: SeriesOffer[];
}

interface Choice {
  body: OrderBody;
  title: string;
  priceCents: number;
}

/** The fade over the teaser, 阅读全文 for this post, and the pass / series choices when there are any. */
export function Paywall({ slug, priceCents, demo, channelOrder, passes = [], series = [] }: PaywallProps) {
  const [choice, setChoice] = useState<Choice | null>(null);
  const [body, setBody] = useState<Json<ReadableBody> | null>(null);
  const router = useRouter();
  // Paid: show the body at once (one small request), then let the server render the page again in the
  // background (the claim notice, the tip box); if the body request fails, that render unlocks the page.
  const unlock = useCallback(() => {
    void api<Json<ReadableBody>>(`/api/articles/${encodeURIComponent(slug)}/body`)
      .then(setBody)
      .catch(() => {})
      .finally(() => router.refresh());
  }, [slug, router]);
  const open = (c: Choice) => {
    setChoice(c);
    void send("POST", "/api/events", { type: "click", slug }).catch(() => {});
  };
  const others: (Choice & { label: string; key: string })[] = [
    ...passes.map((p) => ({
      key: `pass-${p.id}`,
      body: { passId: p.id },
      title: `购买${p.name}`,
      priceCents: p.priceCents,
      label: `¥${formatCents(p.priceCents)} 全站 ${passLengthLabel(p.days)}`,
    })),
    ...series.map((s) => ({
      key: `series-${s.id}`,
      body: { seriesSlug: s.slug },
      title: `购买专栏「${s.title}」`,
      priceCents: s.priceCents,
      label: `¥${formatCents(s.priceCents)} 专栏「${s.title}」全部文章`,
    })),
  ];
  if (body !== null) return <UnlockedBody html={body.html} paid={priceCents > 0} readerLine={body.readerLine} />;
  return (
    <div className="relative">
      <div aria-hidden className="pointer-events-none -mt-24 h-24 bg-gradient-to-b from-stone-50/0 to-stone-50" />
      <div className="flex flex-col items-center gap-2 py-6">
        <button
          type="button"
          onClick={() => open({ body: { slug }, title: "付费阅读全文", priceCents })}
          {...preloadOnIntent}
          className="rounded-full bg-orange-500 px-8 py-3 text-lg font-semibold text-white shadow hover:bg-orange-600 focus:outline-none focus-visible:ring-4 focus-visible:ring-orange-300"
        >
          阅读全文 ¥{formatCents(priceCents)}
        </button>
        {others.length > 0 && (
          <div className="flex flex-wrap justify-center gap-2" role="group" aria-label="其他购买方式">
            {others.map((c) => (
              <button
                key={c.key}
                type="button"
                onClick={() => open(c)}
                {...preloadOnIntent}
                className="rounded-full border border-orange-400 px-4 py-1.5 text-sm font-medium text-orange-700 hover:bg-orange-50"
              >
                {c.label}
              </button>
            ))}
          </div>
        )}
        <p className="text-sm text-stone-500">微信或支付宝扫码付款，付款后自动解锁</p>
      </div>
      {choice && (
        <LazyPayDialog
          body={choice.body}
          title={choice.title}
          priceCents={choice.priceCents}
          demo={demo}
          channelOrder={channelOrder}
          onPaid={unlock}
          onClose={() => setChoice(null)}
        />
      )}
    </div>
  );
}
