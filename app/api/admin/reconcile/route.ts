import { json, owner } from "@/lib/http/door";
import { readFormFile } from "@/lib/http/multipart";
import { importBill, listImports } from "@/lib/reconcile/admin";

const MAX_BYTES = 10 * 1024 * 1024;

export const GET = owner(async () => json({ items: await listImports() }));

/** multipart `file`: a WeChat Pay / Alipay bill export → the reconciliation summary; `?accountId=` the receiving account it is of. */
export const POST = owner(async ({ req }) => {
  const accountId = new URL(req.url).searchParams.get("accountId") || null;
  const { bytes, name } = await readFormFile(req, MAX_BYTES, "请在表单字段 file 中上传账单文件。");
  return json(await importBill(bytes, name, new Date(), accountId));
});
