import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { GET as exportCsv } from "@/app/api/admin/export/[name]/route";
import { POST as notify } from "@/app/(phone)/api/notify/route";
import { db } from "@/lib/db/client";
import { newId } from "@/lib/ids";
import { call } from "../support/http";
import { adminRequest, enableAdmin } from "../support/admin";
import { signedNotify, TEST_SECRET, wechatReceipt } from "../support/notify";
import { openOrder } from "../support/orders";

async function download(name: string, query = "") {
  enableAdmin();
  const res = await exportCsv(await adminRequest("token", "GET", `/api/admin/export/${name}${query}`), {
    params: Promise.resolve({ name }),
  });
  // Response.text() would drop the BOM: read the bytes as they go to the browser.
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await res.arrayBuffer());
  return {
    status: res.status,
    headers: res.headers,
    text,
    rows: res.status === 200 ? (parse(text.replace(/^\uFEFF/, "")) as string[][]) : [],
  };
}

describe("CSV export of orders, payments and the notification log", () => {
  it("starts with a UTF-8 BOM so Excel reads Chinese, and names the file", async () => {
    process.env.NOTIFY_SECRET = TEST_SECRET;
    const o = await openOrder("wechat", 100);
    await call(notify, signedNotify(wechatReceipt(o.amountCents)));
    const res = await download("orders");
    expect(res.status).toBe(200);
    expect(res.text.startsWith("\uFEFF订单号,创建时间,类型,文章")).toBe(true);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="orders-\d{4}-\d{2}-\d{2}\.csv"$/);
    // An id may start with "-", which the export defuses as a spreadsheet formula with a leading "'".
    const cells = (row: string[]) => row.map((c) => c.replace(/^'(?=[-=+@])/, ""));
    expect(cells(res.rows[1])).toEqual(expect.arrayContaining([o.id, "测试文章", "微信", "1.00", "paid"]));

    const payments = await download("payments");
    expect(cells(payments.rows[1])).toEqual(expect.arrayContaining(["微信", "1.00", "matched", "手机通知", o.id]));
    const log = await download("notifications");
    expect(log.rows).toHaveLength(2); // the header and the one receipt
    expect(log.rows.at(-1)!.at(-1)).toContain("微信支付收款1.00元");
  });

  it("pages through a long log in time order and defuses formula-like text from outside", async () => {
    const start = Date.UTC(2026, 0, 1);
    await db().notification.createMany({
      data: Array.from({ length: 1203 }, (_, i) => ({
        id: `n${String(i).padStart(5, "0")}`,
        protocol: "native",
        method: "POST",
        path: "/api/notify",
        headers: "{}",
        body: i === 7 ? '=HYPERLINK("http://evil.example")' : `{"i":${i}}`,
        receivedAt: new Date(start + Math.floor(i / 3) * 1000),
      })),
    });
    const res = await download("notifications");
    expect(res.rows).toHaveLength(1204);
    expect(new Set(res.rows.slice(1).map((r) => r[0])).size).toBe(1203);
    expect(res.rows[8].at(-1)).toBe('\'=HYPERLINK("http://evil.example")');
  });

  it("limits an export to Beijing-time days with from/to, and refuses a bad date or table with 400", async () => {
    for (const [id, at] of [
      ["before", "2026-03-01T15:59:59Z"],
      ["first", "2026-03-01T16:00:00Z"],
      ["last", "2026-03-02T15:59:59Z"],
      ["after", "2026-03-02T16:00:00Z"],
    ]) {
      await db().payment.create({
        data: { id, channel: "wechat", amountCents: 1, dedupeKey: newId(), status: "unmatched", receivedAt: new Date(at) },
      });
    }
    const res = await download("payments", "?from=2026-03-02&to=2026-03-02");
    expect(res.rows.slice(1).map((r) => r[0])).toEqual(["first", "last"]);
    expect((await download("payments", "?from=yesterday")).status).toBe(400);
    expect((await download("secrets")).status).toBe(400);
  });
});
