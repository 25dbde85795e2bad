import type { ReaderPass } from "@/lib/readers/purchases";
import { passLengthLabel } from "@/lib/passes/period";
import type { ChannelOrder } from "@/lib/settings/schema";
import { BuyButton } from "@/components/buy-button";
import { chinaDateText } from "@/lib/china-time";

const day = (d: Date) => chinaDateText(d);

/** 我的购买: the site pass with its expiry and a renew button (renewing extends from the current end). */
export function PassCard({ pass, demo, channelOrder }: { pass: ReaderPass; demo: boolean; channelOrder: ChannelOrder }) {
  if (!pass.ever) return null;
  return (
    <section className="mt-4 rounded-lg bg-white p-4" data-testid="pass-card">
      <h2 className="font-semibold">全站通</h2>
      <p className="mt-1 text-sm text-stone-700">
        {pass.lifetime
          ? "永久有效：所有付费文章都可以阅读。"
          : pass.active
            ? `有效期至 ${day(pass.until!)}（北京时间），期间所有付费文章都可以阅读。`
            : "已过期。"}
      </p>
      {pass.renew && (
        <div className="mt-3 flex flex-wrap items-center gap-3">
          <BuyButton
            body={{ passId: pass.renew.id }}
            label={pass.active ? `续费 ${passLengthLabel(pass.renew.days)}` : `重新购买 ${passLengthLabel(pass.renew.days)}`}
            title={`购买${pass.renew.name}`}
            priceCents={pass.renew.priceCents}
            demo={demo}
            channelOrder={channelOrder}
          />
          {pass.active && <span className="text-xs text-stone-500">续费从当前到期日起顺延，不浪费剩余天数。</span>}
        </div>
      )}
    </section>
  );
}
