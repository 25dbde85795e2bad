"use client";
import { useAdmin } from "@/lib/swr/use-admin";
import { Select } from "@/components/admin/kit/controls";
import type { Json } from "@/lib/client/api";
import type { AdminArticleRow } from "@/lib/articles/admin";
import type { AdminPassRow } from "@/lib/passes/admin";
import type { TargetRef } from "@/lib/catalog/ref";

type SeriesRow = { slug: string; title: string };

/** "articleSlug:abc" → { articleSlug: "abc" }: the <select> value as the API's target. */
export function targetRefOf(value: string): TargetRef | null {
  const i = value.indexOf(":");
  if (i < 0) return null;
  const [key, id] = [value.slice(0, i), value.slice(i + 1)];
  if (key === "articleSlug" || key === "seriesSlug" || key === "passId") return { [key]: id };
  return null;
}

interface TargetSelectProps {
  name: string;
  /** Offer 「全站」 (no target) first: coupons can be site-wide, redeem codes cannot. */
  siteWide?: boolean;
}

/** A <select> of what can be granted or discounted: paid posts, series, passes. */
export function TargetSelect({ name, siteWide }: TargetSelectProps) {
  const articles = useAdmin<{ items: Json<AdminArticleRow>[] }>("/api/admin/articles");
  const series = useAdmin<{ items: SeriesRow[] }>("/api/admin/series");
  const passes = useAdmin<{ items: Json<AdminPassRow>[] }>("/api/admin/passes");
  return (
    <Select name={name} required className="max-w-[16rem]">
      {siteWide ? <option value="all">全站（文章、专栏、全站通）</option> : <option value="">请选择…</option>}
      <optgroup label="全站通">
        {passes.data?.items.map((p) => (
          <option key={p.id} value={`passId:${p.id}`}>
            {p.name}
          </option>
        ))}
      </optgroup>
      <optgroup label="专栏">
        {series.data?.items.map((s) => (
          <option key={s.slug} value={`seriesSlug:${s.slug}`}>
            {s.title}
          </option>
        ))}
      </optgroup>
      <optgroup label="付费文章">
        {articles.data?.items
          .filter((a) => a.priceCents > 0)
          .map((a) => (
            <option key={a.slug} value={`articleSlug:${a.slug}`}>
              {a.title}
            </option>
          ))}
      </optgroup>
    </Select>
  );
}
