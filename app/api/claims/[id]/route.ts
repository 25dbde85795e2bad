import { json, reader, segments } from "@/lib/http/door";
import { readerClaim } from "@/lib/claims/reader";

/** The reader's own report and its status (polled while the owner checks it). */
export const GET = reader(async ({ params, reader }) => json(await readerClaim(params.id, await reader.existing())), {
  params: segments("id"),
});
