import { json, reader, segments } from "@/lib/http/door";
import { readableBody } from "@/lib/entitlements/readable-body";

// Per reader: json() answers `private, no-store`, so no shared cache ever keeps the body.
export const GET = reader(async ({ params, reader }) => json(await readableBody(params.slug, await reader.existing())), {
  params: segments("slug"),
});
