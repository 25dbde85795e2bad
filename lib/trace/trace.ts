import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { GRANT_KINDS, type GrantKind } from "@/lib/targets";
import { readCopy } from "@/lib/trace/read-copy";
import { evidence, type Evidence } from "@/lib/trace/evidence";
import { paidOriginals } from "@/lib/trace/originals";
import { bestFit, MIN_CONFIDENCE } from "@/lib/trace/match";
import { readerDossier, type ReaderDossier } from "@/lib/trace/reader";

/**
 * The leak tracer (POST /api/admin/trace, admin 泄露追踪): a pasted passage → the post(s) it is
 * from → the delivered mark it carries → the purchase, the reader, and what else they bought.
 * It cannot trace what carries no mark: a retyped copy, a screenshot or its OCR text, a copy
 * run through a tool that strips every invisible character — nor a teaser or a free post.
 */
export const MIN_HAN = 30;
const LABEL = /读者\s*([0-9A-HJKMNP-TV-Z]{6})/g;

export interface TraceMatch {
  code: string;
  method: "reed-solomon" | "best-fit" | "label";
  confidence: number;
  /** Codeword bits the copy voted on, and how many agree with this mark. */
  bitsSeen: number;
  bitsAgreeing: number;
  /** The kind as stored (null: one this build does not know). */
  grant: { kind: GrantKind | null; id: string; orderId: string | null; stillValid: boolean };
  /** A browser restored through a restore link, when the mark was delivered to one. */
  restoredBrowser: { linkId: string | null; deviceId: string } | null;
  reader: ReaderDossier;
}

export interface TracedPost {
  slug: string;
  title: string;
  form: "html" | "markdown";
  evidence: { han: number; aligned: number; zeroWidth: number; variationSelectors: number };
  match: TraceMatch | null;
}

export interface TraceResult {
  posts: TracedPost[];
  /** Readers named by a visible line 「本文仅供 读者 XXXXXX 阅读」 in the text (a screenshot's OCR, say). */
  labels: { label: string; reader: ReaderDossier }[];
  /** Why nothing was found, in words for the owner. */
  verdict: string;
}

export async function traceLeak(text: string): Promise<TraceResult> {
  const copy = readCopy(text);
  const labels = await labelMatches(text);
  if (copy.han.length < MIN_HAN && labels.length === 0) {
    throw new AppError("invalid_input", `文字太短：请粘贴至少 ${MIN_HAN} 个汉字（最好 300 字以上）的正文。`);
  }
  const posts: TracedPost[] = [];
  for (const original of await paidOriginals()) {
    let best: { form: "html" | "markdown"; e: Evidence } | null = null;
    for (const f of original.forms) {
      const e = evidence(copy, f.prepared);
      if (!best || e.zw + e.vs > best.e.zw + best.e.vs || (e.zw + e.vs === 0 && e.aligned > best.e.aligned)) best = { form: f.name, e };
    }
    if (!best || best.e.aligned < Math.max(MIN_HAN / 2, copy.han.length * 0.2)) continue;
    posts.push({
      slug: original.slug,
      title: original.title,
      form: best.form,
      evidence: { han: copy.han.length, aligned: best.e.aligned, zeroWidth: best.e.zw, variationSelectors: best.e.vs },
      match: await matchMark(best.e, original.id),
    });
  }
  posts.sort((a, b) => b.evidence.aligned - a.evidence.aligned);
  return { posts, labels, verdict: verdictOf(posts, copy.carriers, labels.length) };
}

async function matchMark(e: Evidence, articleId: string): Promise<TraceMatch | null> {
  if (e.zw + e.vs === 0) return null;
  const candidates = await db().deliveryMark.findMany({
    where: { OR: [{ articleId }, { kind: { in: ["series", "pass"] } }] },
    select: { code: true, readerId: true, kind: true, grantId: true, orderId: true, holder: true, linkId: true },
  });
  const fit = bestFit(e, candidates);
  if (!fit || fit.confidence < MIN_CONFIDENCE) return null;
  const m = fit.candidate;
  const kind = GRANT_KINDS.find((k) => k === m.kind) ?? null;
  return {
    code: m.code,
    method: fit.method,
    confidence: fit.confidence,
    bitsSeen: fit.seen,
    bitsAgreeing: fit.agree,
    grant: { kind, id: m.grantId, orderId: m.orderId, stillValid: kind !== null && (await grantExists(kind, m.grantId)) },
    restoredBrowser: m.holder ? { linkId: m.linkId, deviceId: m.holder } : null,
    reader: await readerDossier(m.readerId),
  };
}

async function grantExists(kind: GrantKind, id: string): Promise<boolean> {
  const where = { where: { id }, select: { id: true } };
  switch (kind) {
    case "article":
      return (await db().entitlement.findUnique(where)) !== null;
    case "series":
      return (await db().seriesGrant.findUnique(where)) !== null;
    case "pass":
      return (await db().passGrant.findUnique(where)) !== null;
  }
}

async function labelMatches(text: string): Promise<TraceResult["labels"]> {
  const found = [...new Set([...text.matchAll(LABEL)].map((m) => `读者 ${m[1]}`))].slice(0, 5);
  const out: TraceResult["labels"] = [];
  for (const label of found) {
    const row = await db().deliveryMark.findFirst({ where: { label }, select: { readerId: true } });
    if (row) out.push({ label, reader: await readerDossier(row.readerId) });
  }
  return out;
}

function verdictOf(posts: TracedPost[], carriers: number, labels: number): string {
  if (posts.some((p) => p.match)) return "已找到来源。";
  if (labels > 0) return "正文里没有可用的记号，但找到了可见的读者编号。";
  if (posts.length === 0) return "没有找到这段文字对应的付费文章：它可能不是本站付费正文（免费文章和开头部分不带记号），或改动太大。";
  if (carriers === 0)
    return "找到了对应的文章，但这段文字里没有任何记号：它可能是重新打字、截图识别（OCR）得到的，或被工具删掉了所有不可见字符，也可能来自开头的公开部分。这些情况无法追溯。";
  return "找到了对应的文章，记号残缺，无法可靠地确定是哪一笔购买。请粘贴更长的一段（300 字以上）原样复制的文字。";
}
