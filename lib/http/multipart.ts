import { AppError } from "@/lib/errors";
import { readBytes, wellFormed } from "@/lib/http/request";

/**
 * A multipart body read under a byte cap (413 past it), then parsed by the
 * platform's own FormData parser. Request.formData() alone would buffer any size.
 */
export async function readFormData(req: Request, maxBytes: number): Promise<FormData> {
  const type = req.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data/i.test(type)) {
    throw new AppError("invalid_input", "请用 multipart/form-data 上传文件。");
  }
  const tooLarge = () => new AppError("payload_too_large", `上传内容过大（上限 ${Math.round(maxBytes / 1024 / 1024)} MB）。`);
  const bytes = await readBytes(req, maxBytes, tooLarge);
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(bytes), { headers: { "content-type": type } }).formData();
  } catch {
    throw new AppError("invalid_input", "无法解析上传的表单（multipart 格式错误）。");
  }
  const fields = [...form.entries()].filter(([, v]) => typeof v === "string");
  if (!wellFormed(fields)) throw new AppError("invalid_input", "表单字段含有无效的字符（NUL 或不成对的 Unicode 代理项）。");
  return form;
}

/** The one file a form carries in `field` (bytes and its name); 400 with `missing` when there is none. */
export async function readFormFile(
  req: Request,
  maxBytes: number,
  missing: string,
  field = "file",
): Promise<{ bytes: Buffer; name: string | null }> {
  const file = (await readFormData(req, maxBytes)).get(field);
  if (!(file instanceof File)) throw new AppError("invalid_input", missing);
  return { bytes: Buffer.from(await file.arrayBuffer()), name: file.name || null };
}
