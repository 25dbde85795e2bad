import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readRows } from "@/lib/reconcile/sheet";
import { readBill } from "@/lib/reconcile/layouts";

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, "..", "..", "tests", "fixtures", "bills", name));
async function bill(name: string) {
  const { rows, container } = await readRows(fixture(name));
  return readBill(rows, container);
}
const amounts = (b: Awaited<ReturnType<typeof bill>>) => b.incomes.map((i) => i.amountCents);

describe("reading official bills (fixtures: invented data in the real layouts)", () => {
  it.each(["wechat.csv", "wechat.xlsx", "wechat-legacy.xlsx"])(
    "%s: receiving-code, transfer and tip income; not red packets, refunds or returned transfers",
    async (name) => {
      const b = await bill(name);
      expect(b.channel).toBe("wechat");
      expect(b.format).toBe(name.endsWith(".csv") ? "wechat_csv" : "wechat_xlsx");
      expect(b.rows).toBe(12);
      expect(amounts(b)).toEqual([99, 495, 123456, 20000, 500]);
      expect(b.incomes[0]).toMatchObject({ txId: "10001071012025033100418826735511", kind: "二维码收款", counterparty: "晚风" });
      expect(b.incomes[0].occurredAt.toISOString()).toBe("2025-03-31T13:08:15.000Z");
      expect(b.periodStart.toISOString()).toBe("2025-02-28T16:00:00.000Z");
      expect(b.periodEnd.toISOString()).toBe("2025-03-31T15:59:59.000Z");
    },
  );

  it("Alipay current layout in GBK: 收钱码 and transfer income, not a closed one or paying someone else's code", async () => {
    const b = await bill("alipay-current.csv");
    expect(b).toMatchObject({ channel: "alipay", format: "alipay_csv", rows: 9 });
    expect(amounts(b)).toEqual([99, 495, 123456, 30000]);
    expect(b.incomes[0]).toMatchObject({ txId: "2025033122001452871408836175", kind: "收钱码收款", counterparty: "*晓" });
    expect(b.incomes[0].occurredAt.toISOString()).toBe("2025-03-31T12:14:52.000Z");
  });

  it("Alipay old web layout in GBK: stops at the footer, reads its ASCII-colon period", async () => {
    const b = await bill("alipay-old.csv");
    expect(b).toMatchObject({ channel: "alipay", format: "alipay_web_csv", rows: 8 });
    expect(amounts(b)).toEqual([99, 495, 123456, 30000]);
    expect(b.periodStart.toISOString()).toBe("2021-05-31T16:00:00.000Z");
  });

  it("finds the header by its text wherever it is, and with CRLF line endings", async () => {
    const text = fixture("wechat.csv").toString("utf8").split("\n");
    const moved = ["extra line", ...text.slice(0, 3), ...text.slice(3)].join("\r\n");
    const { rows, container } = await readRows(Buffer.from(moved, "utf8"));
    expect(amounts(readBill(rows, container))).toEqual([99, 495, 123456, 20000, 500]);
  });

  it("says clearly what is wrong with a file that is not a bill, or a still-zipped WeChat download", async () => {
    await expect(bill("../notifications.jsonl")).rejects.toThrow(/认不出这个账单/);
    await expect(readRows(Buffer.from("PK\u0003\u0004garbage"))).rejects.toThrow(/解压/);
  });
});
