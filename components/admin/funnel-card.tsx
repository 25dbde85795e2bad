import type { Dashboard } from "@/lib/admin/dashboard";
import { FUNNEL_STEPS as STEPS } from "@/lib/admin/funnel";

type Funnel = Dashboard["funnel"];

/** Views → 阅读全文 clicks → orders → paid, with each step's share of the previous one. */
export function FunnelCard({ funnel }: { funnel: Funnel }) {
  const max = Math.max(funnel.views, 1);
  return (
    <ol className="space-y-2 text-sm">
      {STEPS.map(([key, label], i) => {
        const prev = i > 0 ? funnel[STEPS[i - 1][0]] : 0;
        const rate = i > 0 && prev > 0 ? `${Math.round((funnel[key] / prev) * 100)}%` : "";
        return (
          <li key={key}>
            <div className="flex justify-between">
              <span>{label}</span>
              <span>
                <b>{funnel[key]}</b> <span className="text-stone-400">{rate}</span>
              </span>
            </div>
            <div className="mt-1 h-2 rounded bg-stone-100">
              <div className="h-2 rounded bg-emerald-500" style={{ width: `${Math.min(100, (funnel[key] / max) * 100)}%` }} />
            </div>
          </li>
        );
      })}
    </ol>
  );
}
