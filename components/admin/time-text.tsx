import { chinaShortDateTimeText } from "@/lib/china-time";

/** China-time "11-27 14:03" for admin tables; the owner reads times in Beijing time. */
export function TimeText({ at }: { at: string | null | undefined }) {
  if (!at) return <span className="text-stone-400">—</span>;
  return <time dateTime={at}>{chinaShortDateTimeText(new Date(at))}</time>;
}
