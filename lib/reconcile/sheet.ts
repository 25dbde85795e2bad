import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { parse } from "csv-parse/sync";
import { AppError, isAppError } from "@/lib/errors";
import { wallClockText } from "@/lib/reconcile/values";
import { checkZip } from "@/lib/http/zip-guard";

/**
 * An uploaded bill as rows of text cells, whatever its container: XLSX (read
 * with exceljs: the first sheet, rows found by their cell references, date
 * cells turned back into their wall-clock text), or CSV in UTF-8 (with or
 * without BOM) or GBK/GB18030 (Alipay; decoded with iconv-lite).
 */
export type Rows = string[][];

export async function readRows(bytes: Buffer): Promise<{ rows: Rows; container: "csv" | "xlsx" }> {
  if (bytes.length === 0) throw new AppError("invalid_input", "上传的文件是空的。");
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    // A zip: its central directory and real sizes are checked before exceljs unpacks it (zip bombs, 413);
    // one that cannot be read (encrypted, broken) gets the bill's own advice.
    await checkZip(bytes).catch((e) => {
      throw isAppError(e) && e.code === "unparseable" ? new AppError("unparseable", ENCRYPTED_ZIP) : e;
    });
    return { rows: await xlsxRows(bytes), container: "xlsx" };
  }
  return { rows: csvRows(decodeText(bytes)), container: "csv" };
}

/** WeChat Pay e-mails its bills as an encrypted zip: say what to do with one. */
const ENCRYPTED_ZIP =
  "这个文件是压缩包，但不是可读的 Excel 账单。微信账单通过邮件发送时是加密的 zip：请先用「微信支付」公众号里的解压密码解压，再上传里面的 .xlsx 或 .csv 文件。";

export function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString("utf8");
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    // Not UTF-8: Alipay's exports are GBK, of which GB18030 is a superset.
    return iconv.decode(bytes, "gb18030");
  }
}

function csvRows(text: string): Rows {
  // The exports put a TAB after long numbers (outside the quotes) so Excel keeps them as text:
  // drop them before parsing, as parser projects do. Quoting is loose (WeChat leaves commas in
  // names unquoted), so quotes and row lengths are relaxed.
  const body = text.replace(/\t/g, "").replace(/\r\n?/g, "\n");
  try {
    return parse(body, { relax_quotes: true, relax_column_count: true, skip_empty_lines: false, bom: true }) as Rows;
  } catch (e) {
    throw new AppError("unparseable", `无法按 CSV 读取这个文件：${(e as Error).message.slice(0, 200)}`);
  }
}

async function xlsxRows(bytes: Buffer): Promise<Rows> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new AppError("unparseable", ENCRYPTED_ZIP);
  }
  const sheet = wb.worksheets[0];
  if (!sheet) throw new AppError("unparseable", "Excel 文件里没有工作表。");
  const rows: Rows = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value);
    });
    rows.push(Array.from(cells, (c) => c ?? ""));
  });
  return rows;
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return "";
  // A date cell holds the bill's China wall clock; exceljs reads it as that clock in UTC.
  if (v instanceof Date) return wallClockText(v);
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (typeof v === "string") return v;
  if ("richText" in v) return v.richText.map((r) => r.text).join("");
  if ("result" in v) return cellText((v.result ?? "") as ExcelJS.CellValue);
  if ("text" in v) return String(v.text);
  return "";
}
