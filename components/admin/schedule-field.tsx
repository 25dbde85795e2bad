"use client";
import { chinaLocalInput } from "@/lib/china-time";
import { Button } from "@/components/admin/kit";
import { Field, Input } from "@/components/admin/kit/forms";

/**
 * 定时发布: an optional publish time in China time. Empty = publish now when 发布 is pressed;
 * a future time makes 发布 schedule the post (it appears by itself at that time).
 */
export function ScheduleField({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  return (
    <Field
      label="定时发布（北京时间，可不填）"
      hint="填了将来的时间再点「定时发布」，文章会在那一刻自动出现在首页、RSS 和站点地图里（一分钟内）。"
      stacked
    >
      <span className="flex items-center gap-2">
        <Input type="datetime-local" value={value} min={chinaLocalInput(new Date())} onChange={(e) => onChange(e.target.value)} />
        {value && (
          <Button tone="link" className="mt-1 shrink-0" onClick={() => onChange("")}>
            清除
          </Button>
        )}
      </span>
    </Field>
  );
}
