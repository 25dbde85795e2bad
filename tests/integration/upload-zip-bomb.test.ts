import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { POST as upload } from "@/app/api/admin/reconcile/route";
import { checkZip, ZIP_LIMITS } from "@/lib/http/zip-guard";
import { call } from "../support/http";
import { billUploadRequest, enableAdmin } from "../support/admin";
import { makeZip, repeatedRows } from "../support/zip-bomb";

const FIXTURES = path.join(import.meta.dirname, "..", "fixtures", "bills");

const post = (bytes: Buffer, name = "微信支付账单.xlsx") => call(upload, billUploadRequest(bytes, name));

/** What the process holds outside the JS heap's young garbage: heap in use plus Buffers. */
function held(): number {
  globalThis.gc?.();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

const sheet = (chunks: () => Iterable<Buffer>, declaredSize?: number) =>
  makeZip([
    { name: "[Content_Types].xml", chunks: () => [Buffer.from('<?xml version="1.0"?><Types/>')] },
    { name: "xl/worksheets/sheet1.xml", chunks, declaredSize },
  ]);

describe("zip uploads cannot exhaust memory (XLSX bills)", () => {
  it("refuses an XLSX whose central directory declares more than 50 MB with 413, without inflating it", async () => {
    enableAdmin();
    const bomb = await sheet(() => repeatedRows(200 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const before = held();
    const res = await post(bomb);
    expect(res.status).toBe(413);
    expect(res.json.error.code).toBe("payload_too_large");
    expect(res.json.error.message).toContain("解压后过大");
    // Nothing near the 200 MB was ever allocated.
    expect(held() - before).toBeLessThan(16 * 1024 * 1024);
  });

  it("refuses a ratio above 100:1 even under 50 MB", async () => {
    enableAdmin();
    const dense = await sheet(() => repeatedRows(20 * 1024 * 1024));
    expect(dense.length * ZIP_LIMITS.maxRatio).toBeLessThan(20 * 1024 * 1024);
    const res = await post(dense);
    expect(res.status).toBe(413);
    expect(res.json.error.message).toContain("压缩比");
  });

  it("refuses an archive whose headers understate an entry's size as soon as it runs past the declared size", async () => {
    enableAdmin();
    const liar = await sheet(() => repeatedRows(200 * 1024 * 1024), 4096);
    const before = held();
    const res = await post(liar);
    expect(res.status).toBe(413);
    expect(res.json.error.message).toContain("不符");
    expect(held() - before).toBeLessThan(16 * 1024 * 1024);
  });

  it("still reads a real WeChat Pay XLSX bill", async () => {
    const real = readFileSync(path.join(FIXTURES, "wechat.xlsx"));
    await expect(checkZip(real)).resolves.toBeUndefined();
    enableAdmin();
    const res = await post(real);
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    expect(res.json.format).toBe("wechat_xlsx");
  });
});
