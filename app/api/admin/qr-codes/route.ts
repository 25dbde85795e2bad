import { z } from "zod";
import { channelSchema } from "@/lib/channel-schema";
import { json, owner } from "@/lib/http/door";
import { readFormData } from "@/lib/http/multipart";
import { listQrCodes, uploadQrCodes } from "@/lib/qr/admin";
import { AppError } from "@/lib/errors";
import { centsSchema } from "@/lib/price-schema";

const MAX_FILE = 5 * 1024 * 1024;
const MAX_FILES = 20;
/** The whole request; screenshots are well under 1 MB each. */
const MAX_TOTAL = 25 * 1024 * 1024;
const fields = z.object({
  channel: channelSchema.optional(),
  // A form field is text: the amount as a number, then the one cents schema.
  amountCents: z.preprocess((v) => (v === undefined ? v : Number(v)), centsSchema("金额").optional()),
  label: z.string().trim().max(100).optional(),
  accountId: z.string().max(64).optional(),
});

export const GET = owner(async () => json({ items: await listQrCodes() }));

export const POST = owner(async ({ req }) => {
  const form = await readFormData(req, MAX_TOTAL);
  const value = (k: string) => (typeof form.get(k) === "string" && form.get(k) !== "" ? form.get(k) : undefined);
  const opts = fields.parse({
    channel: value("channel"),
    amountCents: value("amountCents"),
    label: value("label"),
    accountId: value("accountId"),
  });
  const files = form.getAll("files").filter((f): f is File => typeof f !== "string");
  if (files.length > MAX_FILES) throw new AppError("invalid_input", `一次最多上传 ${MAX_FILES} 张图片。`);
  for (const f of files) {
    if (f.size > MAX_FILE) throw new AppError("payload_too_large", `「${f.name}」超过 5 MB，请上传截图而不是原图。`);
  }
  const images = await Promise.all(files.map(async (f) => ({ name: f.name || "图片", bytes: Buffer.from(await f.arrayBuffer()) })));
  return json({ items: await uploadQrCodes(images, opts) }, 201);
});
