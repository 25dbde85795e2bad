"use client";
import { chinaLocalInput } from "@/lib/admin/china-time";

/**
 * 定时发布: an optional publish time in China time. Empty = publish now when 发布 is pressed;
 * a future time makes 发布 schedule the post (it appears by itself at that time).
 */
export function ScheduleField({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  return (
    <div className="text-sm">
      <label className="block">
        定时发布（北京时间，可不填）
        <div className="mt-1 flex gap-2">
          <input
            type="datetime-local"
            className="w-full rounded-lg border border-stone-300 px-3 py-2"
            value={value}
            min={chinaLocalInput(new Date())}
            onChange={(e) => onChange(e.target.value)}
            aria-describedby="schedule-hint"
          />
          {value && (
            <button type="button" className="shrink-0 text-stone-600 underline" onClick={() => onChange("")}>
              清除
            </button>
          )}
        </div>
      </label>
      <p id="schedule-hint" className="text-xs text-stone-500">
        填了将来的时间再点「定时发布」，文章会在那一刻自动出现在首页、RSS 和站点地图里（一分钟内）。
      </p>
    </div>
  );
}
