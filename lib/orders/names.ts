import { db } from "@/lib/db/client";

/** An order as far as naming what it sold goes. */
export type Named = { kind: string; seriesId: string | null; passId: string | null; article: { title: string } | null };

/** Series and passes have no relation on Order (see the schema), so their names are looked up in two queries. */
export async function namesOf(rows: Named[]): Promise<Map<string, string>> {
  const ids = (pick: (r: Named) => string | null) => [...new Set(rows.map(pick).filter((x): x is string => !!x))];
  const [series, passes] = await Promise.all([
    db().series.findMany({ where: { id: { in: ids((r) => r.seriesId) } }, select: { id: true, title: true } }),
    db().pass.findMany({ where: { id: { in: ids((r) => r.passId) } }, select: { id: true, name: true } }),
  ]);
  return new Map<string, string>([...series.map((s) => [s.id, s.title] as const), ...passes.map((p) => [p.id, p.name] as const)]);
}

/** What a reader bought, as 我的购买 and the owner's 读者请求 name it: 《标题》, 专栏《标题》, 全站通「名称」, 赞赏《标题》. */
export function purchaseName(r: Named, names: Map<string, string>): string {
  if (r.kind === "series") return `专栏《${names.get(r.seriesId ?? "") ?? "已删除"}》`;
  if (r.kind === "pass") return `全站通「${names.get(r.passId ?? "") ?? "已下架"}」`;
  const title = r.article ? `《${r.article.title}》` : "已删除的文章";
  return r.kind === "tip" ? `赞赏${title}` : title;
}
