"use client";
import { useState } from "react";
import { formatCents } from "@/lib/money";
import { send } from "@/lib/client/api";
import type { ChannelOrder } from "@/lib/settings/schema";
import { PayDialog } from "@/components/pay-dialog";

interface PaywallProps {
  slug: string;
  priceCents: number;
  demo: boolean;
  channelOrder: ChannelOrder;
}

/** The fade over the teaser and the 阅读全文 button that opens the payment dialog. */
export function Paywall({ slug, priceCents, demo, channelOrder }: PaywallProps) {
  const [open, setOpen] = useState(false);
  const openDialog = () => {
    setOpen(true);
    void send("POST", "/api/events", { type: "click", slug }).catch(() => {});
  };
  return (
    <div className="relative">
      <div aria-hidden className="pointer-events-none -mt-24 h-24 bg-gradient-to-b from-stone-50/0 to-stone-50" />
      <div className="flex flex-col items-center gap-2 py-6">
        <button
          type="button"
          onClick={openDialog}
          className="rounded-full bg-orange-500 px-8 py-3 text-lg font-semibold text-white shadow hover:bg-orange-600 focus:outline-none focus-visible:ring-4 focus-visible:ring-orange-300"
        >
          阅读全文 ¥{formatCents(priceCents)}
        </button>
        <p className="text-sm text-stone-500">微信或支付宝扫码付款，付款后自动解锁</p>
      </div>
      {open && <PayDialog slug={slug} priceCents={priceCents} demo={demo} channelOrder={channelOrder} onClose={() => setOpen(false)} />}
    </div>
  );
}
