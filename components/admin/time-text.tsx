/** China-time "11-27 14:03" for admin tables; the owner reads times in Beijing time. */
export function TimeText({ at }: { at: string | null | undefined }) {
  if (!at) return <span className="text-stone-400">—</span>;
  const d = new Date(at);
  const text = d.toLocaleString("zh-CN", {
    timeZone: "Asia/Shanghai",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hour12: false,
  });
  return <time dateTime={at}>{text}</time>;
}
