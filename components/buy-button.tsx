"use client";
import { useState } from "react";
import { formatCents } from "@/lib/money";
import type { OrderBody } from "@/lib/orders/request";
import type { ChannelOrder } from "@/lib/settings/schema";
import { LazyPayDialog, preloadOnIntent } from "@/components/pay-dialog-lazy";

interface BuyButtonProps {
  body: OrderBody;
  /** Button text before the price, e.g. 「购买专栏」 or 「续费」. */
  label: string;
  /** The dialog's heading. */
  title: string;
  priceCents: number;
  demo: boolean;
  channelOrder: ChannelOrder;
}

/** A button that pays for one thing (a series, a pass renewal) in the payment dialog. */
export function BuyButton({ body, label, title, priceCents, demo, channelOrder }: BuyButtonProps) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        {...preloadOnIntent}
        className="rounded-full bg-orange-500 px-5 py-2 font-semibold text-white hover:bg-orange-600"
      >
        {label} ¥{formatCents(priceCents)}
      </button>
      {open && (
        <LazyPayDialog
          body={body}
          title={title}
          priceCents={priceCents}
          demo={demo}
          channelOrder={channelOrder}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}
