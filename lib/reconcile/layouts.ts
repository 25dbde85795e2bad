import type { Channel } from "@/lib/channels";
import { AppError } from "@/lib/errors";
import type { Rows } from "@/lib/reconcile/sheet";
import { billAmountCents, chinaTime, clean } from "@/lib/reconcile/values";

/**
 * The bill layouts we read, told apart by content: the header row is found by
 * its text (its line number moved with every export change), columns are
 * mapped by name. Each income row that could be a reader's payment becomes a
 * BillIncome. Pure.
 *
 * | format           | header starts with           | income when                                                     |
 * | wechat_csv/xlsx  | 交易时间, 交易类型            | 收/支 收入, 已收钱/已存入零钱/已到账, a receiving type (not 红包/退款) |
 * | alipay_csv       | 交易时间, 交易分类            | 收/支 收入, 交易成功, 收钱码/转账/二维码 (not 退款)               |
 * | alipay_web_csv   | 交易号, 商家订单号            | 收/支 收入, 交易成功, 资金状态 已收入, same kinds                 |
 */
export type BillFormat = "wechat_csv" | "wechat_xlsx" | "alipay_csv" | "alipay_web_csv";

export interface BillIncome {
  txId: string;
  amountCents: number;
  occurredAt: Date;
  /** 交易类型 / 商品说明 as printed. */
  kind: string;
  counterparty: string | null;
}

export interface Bill {
  channel: Channel;
  format: BillFormat;
  periodStart: Date;
  periodEnd: Date;
  /** Data rows in the bill (every transaction, not only incomes). */
  rows: number;
  incomes: BillIncome[];
}

interface Layout {
  channel: Channel;
  format: (container: "csv" | "xlsx") => BillFormat;
  header: [string, string];
  cols: {
    time: string;
    type: string;
    side: string;
    amount: string;
    status: string;
    txId: string;
    who: string;
    goods: string;
    funds?: string;
  };
  success: (status: string, funds: string) => boolean;
}

const WECHAT_OK = new Set(["已收钱", "已存入零钱", "已到账", "已入账", "朋友已收钱"]);
// What a reader's payment can look like: a receiving code (个人/经营/赞赏), a transfer.
const SALE_KIND = /二维码收款|收款码|收钱码|经营码|商家码|赞赏|转账|二维码/;
const NOT_SALE = /红包|退款|群收款|收益/;

const LAYOUTS: Layout[] = [
  {
    channel: "wechat",
    format: (c) => (c === "xlsx" ? "wechat_xlsx" : "wechat_csv"),
    header: ["交易时间", "交易类型"],
    cols: {
      time: "交易时间",
      type: "交易类型",
      side: "收/支",
      amount: "金额(元)",
      status: "当前状态",
      txId: "交易单号",
      who: "交易对方",
      goods: "商品",
    },
    success: (s) => WECHAT_OK.has(s),
  },
  {
    channel: "alipay",
    format: () => "alipay_csv",
    header: ["交易时间", "交易分类"],
    cols: {
      time: "交易时间",
      type: "商品说明",
      side: "收/支",
      amount: "金额",
      status: "交易状态",
      txId: "交易订单号",
      who: "交易对方",
      goods: "交易分类",
    },
    success: (s) => s === "交易成功" || s === "支付成功",
  },
  {
    channel: "alipay",
    format: () => "alipay_web_csv",
    header: ["交易号", "商家订单号"],
    cols: {
      time: "交易创建时间",
      type: "商品名称",
      side: "收/支",
      amount: "金额（元）",
      status: "交易状态",
      txId: "交易号",
      who: "交易对方",
      goods: "类型",
      funds: "资金状态",
    },
    success: (s, funds) => s === "交易成功" && funds === "已收入",
  },
];

const HEADER_SCAN_ROWS = 80;

export function readBill(rows: Rows, container: "csv" | "xlsx"): Bill {
  for (let i = 0; i < Math.min(rows.length, HEADER_SCAN_ROWS); i++) {
    const head = rows[i].map(clean);
    const layout = LAYOUTS.find((l) => head[0] === l.header[0] && head[1] === l.header[1]);
    if (layout) return parseWith(layout, rows, i, head, container);
  }
  if (rows.slice(0, 10).some((r) => r.some((c) => /记账本|账本/.test(c)))) {
    throw new AppError(
      "unparseable",
      "这是支付宝「记账本」导出，不是交易明细。请在支付宝「我的 → 账单 → 开具交易流水证明 / 下载账单」导出交易明细后上传。",
    );
  }
  throw new AppError(
    "unparseable",
    "认不出这个账单：请上传微信支付「账单明细」（.xlsx 或 .csv）或支付宝「交易明细」（.csv）的原始导出文件，不要用 Excel 另存或改动表头。",
  );
}

function parseWith(l: Layout, rows: Rows, headerAt: number, head: string[], container: "csv" | "xlsx"): Bill {
  const col = (name: string) => {
    const i = head.indexOf(name);
    if (i < 0) throw new AppError("unparseable", `账单表头缺少「${name}」列，无法对账。`);
    return i;
  };
  const c = Object.fromEntries(Object.entries(l.cols).map(([k, name]) => [k, col(name)])) as Record<keyof Layout["cols"], number>;
  const width = head.filter((h) => h !== "").length;
  const incomes: BillIncome[] = [];
  const times: Date[] = [];
  let count = 0;
  for (let i = headerAt + 1; i < rows.length; i++) {
    let r = rows[i].map(clean);
    if (r.every((x) => x === "") || /^-{5,}/.test(r[0])) break; // a blank line or the footer's dashes
    // WeChat leaves commas in 交易对方 unquoted: fold the extra cells back into it.
    if (l.channel === "wechat" && r.length > width)
      r = [...r.slice(0, c.who), r.slice(c.who, c.who + 1 + r.length - width).join(","), ...r.slice(c.who + 1 + r.length - width)];
    const at = chinaTime(r[c.time]);
    if (!at) continue;
    count++;
    times.push(at);
    const kind = `${r[c.type]} ${r[c.goods]} ${r[c.who]}`;
    if (r[c.side] !== "收入" || !l.success(r[c.status], c.funds === undefined ? "" : r[c.funds])) continue;
    if (!SALE_KIND.test(kind) || NOT_SALE.test(`${r[c.type]} ${r[c.status]}`)) continue;
    const amountCents = billAmountCents(r[c.amount]);
    if (!amountCents || !r[c.txId]) continue;
    incomes.push({ txId: r[c.txId], amountCents, occurredAt: at, kind: r[c.type] || r[c.goods], counterparty: r[c.who] || null });
  }
  if (count === 0) throw new AppError("unparseable", "账单里没有交易记录。");
  const period = statedPeriod(rows.slice(0, headerAt)) ?? statedPeriod(rows.slice(-12));
  const sorted = times.map((t) => t.getTime()).sort((a, b) => a - b);
  return {
    channel: l.channel,
    format: l.format(container),
    periodStart: period?.start ?? new Date(sorted[0]),
    periodEnd: period?.end ?? new Date(sorted.at(-1)!),
    rows: count,
    incomes,
  };
}

/** 起始时间：[…] 终止时间：[…] (WeChat, current Alipay) or 起始日期:[…] 终止日期:[…] (Alipay web). */
function statedPeriod(rows: Rows): { start: Date; end: Date } | null {
  const text = rows.map((r) => r.join(" ")).join("\n");
  const m = /起始(?:时间|日期)[:：]\s*\[([^\]]+)\][\s\S]*?终止(?:时间|日期)[:：]\s*\[([^\]]+)\]/.exec(text);
  const start = m && chinaTime(m[1]);
  const end = m && chinaTime(m[2]);
  return start && end && start <= end ? { start, end } : null;
}
